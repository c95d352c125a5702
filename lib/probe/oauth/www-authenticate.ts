import { extractWWWAuthenticateParams } from '@modelcontextprotocol/sdk/client/auth.js';
import type { AuthChallenge, Challenge } from '@/lib/report/schema-auth';

/** Bounds for a hostile header: how much is parsed and kept. */
const MAX_HEADER = 4096;
const MAX_PARAMS = 20;
const MAX_VALUE = 1024;

// RFC 9110 §5.6.2 token, and §11.2 token68 when it is the whole of the credentials.
const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/y;

/**
 * Parses a `WWW-Authenticate` value into its challenges (RFC 9110 §11.6.1: `#challenge`, each an
 * auth-scheme followed by a token68 or by comma-separated auth-params). Several header lines arrive
 * joined by ", ", which the grammar allows. Tolerant: what cannot be read is skipped.
 */
export function parseWwwAuthenticate(value: string): AuthChallenge[] {
  const s = value.slice(0, MAX_HEADER);
  const out: AuthChallenge[] = [];
  let i = 0;
  const spaces = () => {
    while (s[i] === ' ' || s[i] === '\t') i++;
  };
  const separators = () => {
    while (i < s.length && (s[i] === ',' || s[i] === ' ' || s[i] === '\t')) i++;
  };
  const match = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };
  const quoted = (): string => {
    let text = '';
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      text += s[i];
      i++;
    }
    i++;
    return text;
  };

  while (i < s.length) {
    separators();
    if (i >= s.length) break;
    const scheme = match(TOKEN);
    if (!scheme) {
      i++;
      continue;
    }
    const challenge: AuthChallenge = { scheme, params: {}, token68: null };
    out.push(challenge);
    spaces();
    const token68 = match(TOKEN68);
    if (token68) {
      challenge.token68 = token68.slice(0, MAX_VALUE);
      continue;
    }
    for (;;) {
      const start = i;
      separators();
      const name = match(TOKEN);
      spaces();
      if (!name || s[i] !== '=') {
        // Not an auth-param: the next challenge's scheme starts here.
        i = start;
        break;
      }
      i++;
      spaces();
      const text = s[i] === '"' ? quoted() : (match(TOKEN) ?? '');
      const key = name.toLowerCase();
      // RFC 9110 §11.2: each parameter name appears once per challenge; the first one counts.
      if (!(key in challenge.params) && Object.keys(challenge.params).length < MAX_PARAMS) {
        challenge.params[key] = text.slice(0, MAX_VALUE);
      }
    }
  }
  return out;
}

/** The challenge as recorded: the raw header, every challenge, the Bearer fields, and the SDK's reading. */
export function readChallenge(args: {
  exchangeId: string | null;
  status: number;
  withCredentials: boolean;
  header: string | null;
}): Challenge {
  const header = args.header === null ? null : args.header.slice(0, MAX_HEADER);
  const challenges = header ? parseWwwAuthenticate(header) : [];
  const bearer = challenges.find((c) => c.scheme.toLowerCase() === 'bearer');
  const sdk = header ? sdkReading(header) : {};
  return {
    exchangeId: args.exchangeId,
    status: args.status,
    withCredentials: args.withCredentials,
    header,
    challenges,
    bearer: bearer
      ? {
          resourceMetadata: bearer.params.resource_metadata ?? null,
          scope: bearer.params.scope ?? null,
          error: bearer.params.error ?? null,
          errorDescription: bearer.params.error_description ?? null,
        }
      : null,
    sdk: {
      resourceMetadataUrl: sdk.resourceMetadataUrl?.href ?? null,
      scope: sdk.scope ?? null,
      error: sdk.error ?? null,
    },
  };
}

function sdkReading(header: string): ReturnType<typeof extractWWWAuthenticateParams> {
  try {
    return extractWWWAuthenticateParams(
      new Response(null, { headers: { 'www-authenticate': header } }),
    );
  } catch {
    // A value a Headers object refuses (non-Latin-1): no SDK client would read it either.
    return {};
  }
}
