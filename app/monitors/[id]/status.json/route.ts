import { cookies } from 'next/headers';
import { visibleMonitor } from '@/lib/monitors/public';
import { monitorStatus } from '@/lib/monitors/status';

/**
 * `/monitors/<id>/status.json`: state, uptime over 24 h / 7 d / 30 d and 24-hour latency, for a
 * status page of one's own. Visible like the badge: public monitors, or with the team token.
 */
export async function GET(request: Request, ctx: RouteContext<'/monitors/[id]/status.json'>) {
  const found = await visibleMonitor(request, await cookies(), (await ctx.params).id);
  if (!found.ok) return found.response;
  const { monitor, ctx: monitors } = found;
  const now = monitors.clock.now();
  const checks = await monitors.store.checks(
    monitor.id,
    new Date(now - 31 * 86_400_000).toISOString(),
  );
  return Response.json(monitorStatus(monitor, checks, now), {
    headers: monitor.public
      ? // Public: any page may read it, a status page of one's own included.
        { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' }
      : { 'cache-control': 'private, max-age=60' },
  });
}
