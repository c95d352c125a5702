import { NextResponse, type NextRequest } from 'next/server';
import { SECURITY_HEADERS, dashboardCsp, newNonce } from '@/lib/security/csp';
import { TOKEN_COOKIE, gateDecision } from '@/lib/security/token-gate';

/**
 * Runs before every request: the team-token gate (MCP_DOCTOR_TOKEN), then a fresh CSP nonce for
 * pages. Sample servers and widget previews answer with their own headers.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const decision = gateDecision({
    configuredToken: process.env.MCP_DOCTOR_TOKEN || undefined,
    pathname,
    authorization: request.headers.get('authorization'),
    cookie: request.cookies.get(TOKEN_COOKIE)?.value,
  });
  if (decision === 'unauthorized-api') {
    return withSecurityHeaders(
      NextResponse.json(
        {
          error: {
            code: 'unauthorized',
            message:
              'This dashboard requires its team token: send Authorization: Bearer <MCP_DOCTOR_TOKEN>.',
          },
        },
        { status: 401, headers: { 'www-authenticate': 'Bearer realm="mcp-doctor"' } },
      ),
    );
  }
  if (decision === 'login-required') {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(login, 303));
  }

  const ownHeaders =
    pathname.startsWith('/samples/') ||
    pathname.startsWith('/widget-preview') ||
    pathname.startsWith('/.well-known/');
  if (ownHeaders || pathname.startsWith('/api/'))
    return withSecurityHeaders(NextResponse.next(), !ownHeaders);

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

function withSecurityHeaders(response: NextResponse, all = true): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (all || name === 'X-Content-Type-Options' || name === 'Referrer-Policy')
      response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
