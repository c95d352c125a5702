import { decide } from '@/lib/samples/auth/authorization-server';
import { authSampleConfig } from '@/lib/samples/auth/samples';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ slug: string }>;
}

/** The consent form's answer: back to the client with a code, or with `access_denied`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const config = authSampleConfig((await params).slug);
  if (!config) return new Response('Not Found', { status: 404 });
  const form = new URLSearchParams(await request.text());
  const outcome = decide(
    form.get('request') ?? '',
    form.get('decision') === 'approve',
    config.authorizationServer,
  );
  if ('error' in outcome)
    return new Response(outcome.error, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  // 303: the browser follows with a GET, as the redirect URI expects (RFC 9110 §15.4.4).
  return new Response(null, {
    status: 303,
    headers: { location: outcome.location, 'cache-control': 'no-store' },
  });
}
