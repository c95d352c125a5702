import { cookies } from 'next/headers';
import { badgeSvg } from '@/lib/monitors/badge';
import { visibleMonitor } from '@/lib/monitors/public';

/**
 * `/monitors/<id>/badge.svg`: "MCP | healthy" (or failing, pending, paused) for a README. Open to
 * anyone for a monitor marked public; otherwise only with the team token, and 404 without it.
 * Cached a minute (a check is at most once a minute), so a README's readers do not each ask.
 */
export async function GET(request: Request, ctx: RouteContext<'/monitors/[id]/badge.svg'>) {
  const found = await visibleMonitor(request, await cookies(), (await ctx.params).id);
  if (!found.ok) return found.response;
  const { monitor } = found;
  return new Response(badgeSvg(monitor.state, monitor.paused), {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': `${monitor.public ? 'public' : 'private'}, max-age=60, stale-while-revalidate=60`,
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
  });
}
