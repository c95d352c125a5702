/**
 * The team token: when MCP_DOCTOR_TOKEN is set, every page and API route needs it — a bearer
 * header for the API, a cookie (set by the login form) for pages. Unset, the dashboard is open, as
 * for local use. Pure decisions here; proxy.ts applies them.
 */
export const TOKEN_COOKIE = 'mcp_doctor_token';

/**
 * Paths that must stay reachable without the token: the sample servers the probe itself calls, the
 * dashboard's OAuth client ID metadata document (authorization servers fetch it), the login page,
 * static assets.
 */
const OPEN_PATHS = [
  /^\/samples\//,
  /^\/\.well-known\//,
  /^\/api\/oauth\/client-metadata$/,
  // A monitor's badge and status: the route answers only for a monitor marked public, unless the
  // request carries the token (lib/security/token-gate.ts `hasTeamAccess`).
  /^\/monitors\/[A-Za-z0-9_-]{22}\/(badge\.svg|status\.json)$/,
  /^\/login(\/|$)/,
  /^\/api\/login$/,
  /^\/_next\//,
  /^\/favicon\.ico$/,
];

export type GateDecision = 'open' | 'allowed' | 'unauthorized-api' | 'login-required';

export function gateDecision(input: {
  configuredToken: string | undefined;
  pathname: string;
  authorization: string | null;
  cookie: string | undefined;
}): GateDecision {
  const { configuredToken, pathname } = input;
  if (!configuredToken) return 'open';
  if (OPEN_PATHS.some((p) => p.test(pathname))) return 'open';
  const bearer = input.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (
    (bearer && sameSecret(bearer, configuredToken)) ||
    (input.cookie && sameSecret(input.cookie, configuredToken))
  )
    return 'allowed';
  return pathname.startsWith('/api/') ? 'unauthorized-api' : 'login-required';
}

/** Whether a request may see what the team token protects: the token is unset, or it was sent. */
export function hasTeamAccess(input: {
  configuredToken: string | undefined;
  authorization: string | null;
  cookie: string | undefined;
}): boolean {
  return gateDecision({ ...input, pathname: '/api/' }) !== 'unauthorized-api';
}

/** Constant-time comparison, so the token cannot be guessed a byte at a time from response timings. */
export function sameSecret(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i % Math.max(a.length, 1)] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Only same-site relative paths may be returned to after login (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}
