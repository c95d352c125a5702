import type { Exchange } from '@/lib/report/schema';
import { type EdgeMatch, type Evidence, identifyEdge } from './identify';
import { headerLine, headerValues, lineAround, scannedBody, statusText } from './response-text';

/**
 * Credentials ChatGPT and Claude cannot send, and OAuth metadata that only authorised callers may
 * read. Both clients connect with OAuth or with no authentication; neither attaches an API key, a
 * custom header or a Basic password (ChatGPT's connector form offers OAuth, No authentication and
 * Mixed; Claude's connectors likewise, anthropics/claude-ai-mcp#982). The OAuth discovery documents
 * must be public for the flow to start at all (RFC 9728 §3, RFC 8414 §3).
 */
export const CLIENT_CREDENTIALS = {
  meaning:
    'The server wants a credential ChatGPT and Claude cannot send: they authenticate with OAuth or not at all, and attach no API key, custom header or password of your choosing.',
  fix: 'Protect the MCP endpoint with OAuth: answer 401 with WWW-Authenticate: Bearer resource_metadata="…", publish /.well-known/oauth-protected-resource naming an authorization server that registers clients dynamically, and accept the access tokens it issues. Keep API keys for the callers that can send them.',
  sources: [
    'https://help.boomi.com/docs/Atomsphere/Platform/Connect_chatgpt_setup',
    'https://github.com/anthropics/claude-ai-mcp/issues/982',
    'https://github.com/NateBJones-Projects/OB1/issues/340',
    'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
  ],
} as const;

// Names that hold a credential whatever their value (normalised: lower-case, no - _ .).
const CREDENTIAL_NAMES = new Set([
  'apikey',
  'xapikey',
  'accesstoken',
  'authtoken',
  'token',
  'idtoken',
  'refreshtoken',
  'sessiontoken',
  'privatetoken',
  'bearer',
  'jwt',
  'secret',
  'clientsecret',
  'password',
  'passwd',
  // Vercel's Protection Bypass secret in its query-parameter form.
  'xvercelprotectionbypass',
]);
// Names that hold a credential only when the value looks like one: `key=3` or `auth=oauth` are not.
const AMBIGUOUS_NAMES = new Set(['key', 'auth', 'sig', 'signature', 'pass', 'accesskey']);
// A last segment that names a credential (`brain_key`, `github-token`), except in names that carry
// no secret: pagination cursors and public keys.
const CREDENTIAL_SUFFIXES = new Set(['key', 'token', 'secret', 'password']);
const NOT_SECRET =
  /^(page|next|prev|previous|continuation|sync|cursor|public|publishable|site|idempotency)$/;
// Long enough to be a generated secret, and nothing a sentence would contain. The recorder's
// stand-in for a value it removed (lib/probe/redact.ts) was one.
const secretLike = (value: string): boolean =>
  value === '[redacted]' || (value.length >= 12 && !/\s/.test(value));

/**
 * Which query parameters of `url` carry a credential, by name as written. A URL credential is the
 * workaround people reach for when a client sends no headers; it works for no one safely (it lands
 * in logs and histories) and MCP Doctor says so. Names listed above always count; ambiguous names
 * and `…_key` count only when their value looks like a generated secret (12+ characters, no spaces).
 * The recorder replaces the values of these parameters with `[redacted]`, which still counts: the
 * names are what a finding shows, never the values.
 */
export function credentialsInQuery(url: string): string[] {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const [name, value] of params) {
    if (found.includes(name) || !value) continue;
    const normalised = name.toLowerCase().replace(/[-_.]/g, '');
    const segments = name.toLowerCase().split(/[-_.]/);
    const last = segments.at(-1) ?? '';
    const before = segments.length > 1 ? (segments.at(-2) ?? '') : '';
    const generated = secretLike(value);
    const credential =
      CREDENTIAL_NAMES.has(normalised) ||
      (AMBIGUOUS_NAMES.has(normalised) && generated) ||
      (CREDENTIAL_SUFFIXES.has(last) && !NOT_SECRET.test(before) && (last !== 'key' || generated));
    if (credential) found.push(name);
  }
  return found;
}

/** A Bearer challenge among the WWW-Authenticate values (RFC 9110 §11.6.1 allows a list). */
const BEARER_CHALLENGE = /(^|,) ?Bearer\b/i;
const KEY_SCHEME = /^(ApiKey|Api-Key|X-Api-Key|Key)\b/i;
// Bounded gaps only: the body is remote text.
const API_KEY_ASK = [
  /\bx-api-key\b/i,
  /\b(missing|invalid|no|provide|required|wrong|incorrect|bad)\b.{0,40}\b(api|access|secret)[ _-]?key\b/i,
  /\b(api|access)[ _-]?key\b.{0,40}\b(missing|invalid|required|not provided|not valid)\b/i,
  /\bapi[ _-]?key\b/i,
];

/**
 * A 401 or 403 that asks for an API key instead of starting OAuth: no `WWW-Authenticate: Bearer`
 * challenge, and a key scheme in WWW-Authenticate or a body that asks for an API key, `x-api-key`
 * or an access key. The evidence quotes the header or the body line. Null otherwise — a proper
 * Bearer challenge is the OAuth path and is judged elsewhere.
 */
export function apiKeyRequest(exchange: Exchange): Evidence | null {
  const response = exchange.response;
  if (!response || (response.status !== 401 && response.status !== 403)) return null;
  const challenges = headerValues(response.headers, 'www-authenticate');
  if (challenges.some((c) => BEARER_CHALLENGE.test(c))) return null;
  const keyScheme = challenges.find((c) => KEY_SCHEME.test(c));
  if (keyScheme !== undefined) {
    return { kind: 'header', text: headerLine('www-authenticate', keyScheme) };
  }
  const body = scannedBody(exchange);
  for (const pattern of API_KEY_ASK) {
    const m = pattern.exec(body);
    if (m) return { kind: 'body', text: lineAround(body, m.index, m[0].length) };
  }
  return null;
}

export type MetadataDocument =
  'protected-resource' | 'authorization-server' | 'openid-configuration';

export interface GuardedMetadata {
  document: MetadataDocument;
  /** The status line that refused the read, e.g. `HTTP 401 Unauthorized`. */
  evidence: Evidence;
  /** What answered, when it was an edge rather than the server (an API gateway, Access, …). */
  edge: EdgeMatch | null;
}

/** This document must be public; the gateway guards it. */
export const GUARDED_METADATA = {
  meaning:
    'An OAuth discovery document answered 401/403: clients read it before they have any token, so a guarded document stops the sign-in before it starts.',
  fix: 'Serve /.well-known/oauth-protected-resource (and the authorization server metadata) without authentication: exempt these paths from the gateway, authorizer or login wall in front of the server.',
  sources: [
    'https://www.rfc-editor.org/rfc/rfc9728#section-3',
    'https://www.rfc-editor.org/rfc/rfc8414#section-3',
    'https://github.com/modelcontextprotocol/typescript-sdk/issues/2783',
  ],
} as const;

/**
 * A read of OAuth discovery metadata — protected resource metadata (RFC 9728 §3.1, path-suffixed
 * too), authorization server metadata (RFC 8414 §3.1) or OpenID configuration (OIDC Discovery §4,
 * also after an issuer path) — answered 401 or 403, with the edge that answered if it is one.
 * `known` names the document when the caller knows it from elsewhere: a `resource_metadata` URL
 * advertised in a challenge may have any path.
 */
export function guardedMetadata(
  exchange: Exchange,
  known?: MetadataDocument,
): GuardedMetadata | null {
  const response = exchange.response;
  if (!response || (response.status !== 401 && response.status !== 403)) return null;
  const document = known ?? metadataDocument(exchange.request.url);
  if (!document) return null;
  return {
    document,
    evidence: { kind: 'status', text: statusText(exchange) },
    edge: identifyEdge(exchange),
  };
}

function metadataDocument(url: string): MetadataDocument | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (path.startsWith('/.well-known/oauth-protected-resource')) return 'protected-resource';
  if (path.startsWith('/.well-known/oauth-authorization-server')) return 'authorization-server';
  if (path.includes('/.well-known/openid-configuration')) return 'openid-configuration';
  return null;
}
