import { completeFlow } from '@/lib/oauth-flow/flow';

/**
 * The dashboard's redirect URI: the authorization server sends the browser here with `code` and
 * `state` (or an error). The code is exchanged on the server; the browser only ever sees the flow page.
 */
export async function GET(request: Request): Promise<Response> {
  const outcome = await completeFlow(new URL(request.url).searchParams);
  const location = outcome.ok ? `/oauth/flows/${outcome.flowId}` : '/oauth/expired';
  // A relative Location: the request's own URL names the internal host, not the one the user sees.
  return new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}
