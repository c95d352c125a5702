import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/api/errors';
import { admissionFromEnv } from '@/lib/security/admission';
import { SECURITY_HEADERS, dashboardCsp, newNonce } from '@/lib/security/csp';
import type { AdmissionError } from '@/lib/security/errors';
import { checkPath, refuseApiRequest } from '@/lib/security/first-layer';
import { TOKEN_COOKIE, gateDecision } from '@/lib/security/token-gate';

/**
 * Runs before every request but `/api/import` (see `config`): a path that decodes, the team-token
 * gate (MCP_DOCTOR_TOKEN), and for the API the same-origin and body rules of
 * lib/security/first-layer.ts; then a fresh CSP nonce for pages. `/mcp` applies its own. Sample servers and widget
 * previews answer with their own headers.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  const badPath = checkPath(pathname);
  if (badPath) return refused(badPath);
  // The MCP endpoint keeps its own door (lib/mcp-server/http.ts): the team token as a bearer token
  // only, and the Origin rule of the MCP transports spec. The API's same-origin and JSON-body rules
  // would refuse MCP clients, and a login redirect means nothing to them.
  if (pathname === '/mcp') return withSecurityHeaders(NextResponse.next(), true);
  const gate = gateDecision({
    configuredToken: process.env.MCP_DOCTOR_TOKEN || undefined,
    pathname,
    authorization: request.headers.get('authorization'),
    cookie: request.cookies.get(TOKEN_COOKIE)?.value,
  });
  if (api) {
    const refusal = refuseApiRequest(request, {
      gate,
      trustedProxies: admissionFromEnv().trustedProxies,
    });
    if (refusal) return refused(refusal);
    return withSecurityHeaders(NextResponse.next(), true);
  }
  if (gate === 'login-required') {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(login, 303));
  }
  const ownHeaders =
    pathname.startsWith('/samples/') ||
    pathname.startsWith('/widget-preview') ||
    pathname.startsWith('/.well-known/');
  if (ownHeaders) return withSecurityHeaders(NextResponse.next(), false);
  const nonce = newNonce();
  const csp = dashboardCsp(nonce, { dev: process.env.NODE_ENV === 'development' });
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return withSecurityHeaders(response);
}

/** A refusal before any route ran; 401 says how to authenticate (RFC 6750 §3). */
function refused(error: AdmissionError): NextResponse {
  const response = errorResponse(error);
  const headers = new Headers(response.headers);
  if (error.code === 'unauthorized') headers.set('www-authenticate', 'Bearer realm="mcp-doctor"');
  return withSecurityHeaders(new NextResponse(response.body, { status: response.status, headers }));
}

function withSecurityHeaders(response: NextResponse, all = true): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (all || name === 'X-Content-Type-Options' || name === 'Referrer-Policy')
      response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // `/api/import` takes a 20 MB file: the proxy would have Next copy every body it sees into
  // memory (up to experimental.proxyClientMaxBodySize), so that route applies the same rules itself.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/import).*)' }],
};
