import type { HeaderList } from '@/lib/report/schema';

/** What stands in for a secret in every log, report, export and stored run. */
export const REDACTED = '[redacted]';

/** Headers whose values are credentials whoever sent them. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
]);

/** OAuth and API parameters that carry credentials (RFC 6749 §4.1, RFC 7636, RFC 6750 §2.3, RFC 7592). */
const SECRET_PARAMS = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  // RFC 7592 §3: returned by dynamic registration, it manages the registered client.
  'registration_access_token',
  'code',
  'code_verifier',
  'password',
  'token',
  'api_key',
  'apikey',
];

const ELLIPSIS = '…';
/** Fewer characters than this of a secret say nothing about it, and match ordinary text too often. */
const MIN_CUT_PREFIX = 4;

// "key": "value" in JSON, and key=value in forms and query strings.
const JSON_SECRET = new RegExp(
  `("(?:${SECRET_PARAMS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);
const FORM_SECRET = new RegExp(`(^|[?&\\s])(${SECRET_PARAMS.join('|')})=[^&\\s"]*`, 'gi');
// Names that hold a credential only when the value looks like a generated one (12+ characters):
// `key=…`, `auth=…`, `sig=…`, and any name ending in key, secret, token or password (`brain_key`,
// `x-api-key`), as lib/edges/credentials.ts counts them; `key=3` and `auth=oauth` stay readable.
// Bounded repeats only: the text is remote.
const LOOKS_SECRET =
  /(^|[?&\s])((?:key|auth|sig|signature|pass|accesskey|[A-Za-z0-9_.-]{1,64}[-_.](?:key|secret|token|password))=)[^&\s"]{12,}/gi;
// A credential (RFC 9110 §11.2 token68), not the auth-params of a challenge: `Bearer
// resource_metadata="…", scope="…"` in WWW-Authenticate is what auth discovery reads.
const BEARER =
  /\b(Bearer|Basic)\s+(?![A-Za-z0-9\-._~+/]+\s*=\s*(?:"[^"]*"|[A-Za-z0-9\-._~+/]+)(?:\s|,|$))[A-Za-z0-9\-._~+/]+=*/g;

/**
 * Removes credentials from everything the probe records. It knows the run's own secrets (the token
 * and the values of user-supplied headers) and replaces them wherever they appear, and it also
 * removes anything that looks like a credential by name, whoever sent it.
 */
export class Redactor {
  private readonly literals: string[];
  private readonly secretHeaders: Set<string>;

  constructor(secrets: { values?: readonly string[]; headerNames?: readonly string[] } = {}) {
    // Longest first, so a secret that contains another is replaced whole. Very short values would
    // redact ordinary text; they are still removed from headers by name.
    this.literals = (secrets.values ?? [])
      .filter((v) => v.length >= 6)
      .sort((a, b) => b.length - a.length);
    this.secretHeaders = new Set([
      ...SECRET_HEADERS,
      ...(secrets.headerNames ?? []).map((n) => n.toLowerCase()),
    ]);
  }

  text(text: string): string {
    let out = text;
    for (const literal of this.literals) out = out.replaceAll(literal, REDACTED);
    out = this.withoutCutSecrets(out);
    // Every string of a report passes here (hundreds of thousands for a 10,000-tool list), and most hold
    // none of the characters each pattern needs: testing for them first skips the regex scans.
    if (out.includes('"')) out = out.replace(JSON_SECRET, `$1"${REDACTED}"`);
    if (out.includes('=')) {
      out = out.replace(FORM_SECRET, `$1$2=${REDACTED}`).replace(LOOKS_SECRET, `$1$2${REDACTED}`);
    }
    if (out.includes('Bearer') || out.includes('Basic'))
      out = out.replace(BEARER, `$1 ${REDACTED}`);
    return out;
  }

  /**
   * A text cut short somewhere before it reached here (`…` marks the cut) may end in the start of a
   * secret, which no longer matches it whole: a start of one of the run's secrets, four characters
   * or more, just before a `…` is removed as well.
   */
  private withoutCutSecrets(text: string): string {
    if (!text.includes(ELLIPSIS) || this.literals.length === 0) return text;
    let out = '';
    let from = 0;
    for (let at = text.indexOf(ELLIPSIS); at !== -1; at = text.indexOf(ELLIPSIS, at + 1)) {
      const before = text.slice(from, at);
      let kept = before;
      for (const literal of this.literals) {
        for (let k = Math.min(literal.length - 1, before.length); k >= MIN_CUT_PREFIX; k--) {
          if (before.endsWith(literal.slice(0, k))) {
            kept = `${before.slice(0, before.length - k)}${REDACTED}`;
            break;
          }
        }
        if (kept !== before) break;
      }
      out += kept + ELLIPSIS;
      from = at + ELLIPSIS.length;
    }
    return out + text.slice(from);
  }

  /**
   * The first `limit` characters of `text`, redacted. A secret that straddles the cut is dropped
   * whole: cutting first and redacting after would keep the start of a secret the cut split (what
   * a server that echoes the token can arrange). `text` should run past `limit` by the longest
   * secret, so that one straddling the cut is seen whole.
   */
  cut(text: string, limit: number): string {
    if (text.length <= limit) return this.text(text);
    let end = limit;
    for (;;) {
      const straddling = this.spans(text).filter(([start, stop]) => start < end && stop > end);
      if (!straddling.length) break;
      end = Math.min(...straddling.map(([start]) => start));
    }
    return this.text(text.slice(0, end));
  }

  /** Where the secrets in `text` are: [start, end) of every literal and credential pattern. */
  private spans(text: string): [number, number][] {
    const out: [number, number][] = [];
    for (const literal of this.literals) {
      for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) {
        out.push([at, at + literal.length]);
      }
    }
    for (const pattern of [JSON_SECRET, FORM_SECRET, LOOKS_SECRET, BEARER]) {
      for (const match of text.matchAll(pattern))
        out.push([match.index, match.index + match[0].length]);
    }
    return out;
  }

  headers(headers: HeaderList): HeaderList {
    return headers.map(([name, value]) =>
      this.secretHeaders.has(name.toLowerCase())
        ? [name, this.text(redactHeaderValue(name, value))]
        : [name, this.text(value)],
    );
  }

  /** User info and credential query parameters (`?code=…&access_token=…`) hidden; the rest kept readable. */
  url(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return this.text(raw);
    }
    const userinfo = url.username || url.password ? `${REDACTED}@` : '';
    return this.text(
      `${url.protocol}//${userinfo}${url.host}${url.pathname}${url.search}${url.hash}`,
    );
  }
}

/**
 * Keeps what matters for diagnosis visible and hides the credential: the auth scheme of an
 * Authorization header, the names of cookies (a load balancer's affinity cookie is named for it:
 * AWSALB, ARRAffinity), never a value.
 */
function redactHeaderValue(name: string, value: string): string {
  if (/^(proxy-)?authorization$/i.test(name)) {
    const scheme = value.match(/^\s*(\S+)\s+\S/)?.[1];
    return scheme ? `${scheme} ${REDACTED}` : REDACTED;
  }
  // Set-Cookie carries one cookie and its attributes (RFC 6265 §4.1); Cookie, pairs split by `;`.
  if (/^set-cookie$/i.test(name)) return cookieName(value);
  if (/^cookie$/i.test(name)) return value.split(';').slice(0, 50).map(cookieName).join('; ');
  return REDACTED;
}

/** `name=[redacted]` for a `name=value` pair, `[redacted]` for anything else. */
function cookieName(pair: string): string {
  const at = pair.indexOf('=');
  const name = at > 0 ? pair.slice(0, at).trim() : '';
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(name) ? `${name}=${REDACTED}` : REDACTED;
}
