import { jsonResponse } from '@/lib/api/errors';
import { monitorRoute, monitorsFor } from '@/lib/monitors/api';
import { getMonitor } from '@/lib/monitors/monitors';
import { bucketize, WINDOWS } from '@/lib/monitors/stats';
import { monitorStatus } from '@/lib/monitors/status';

const WINDOW_IDS = WINDOWS.map((w) => w.id) as string[];

/**
 * `GET /api/monitors/<id>/history?window=24h|7d|30d`: the status (uptime over each window, 24-hour
 * latency), the window's buckets (uptime, p50/p95), the incidents and tool changes (newest first,
 * each with its run) and the webhook deliveries with every try.
 */
export const GET = monitorRoute(
  async (request: Request, ctx: RouteContext<'/api/monitors/[id]/history'>): Promise<Response> => {
    const { ctx: monitors, id } = await monitorsFor((await ctx.params).id);
    const window = new URL(request.url).searchParams.get('window') ?? '24h';
    const chosen = WINDOW_IDS.includes(window) ? (window as (typeof WINDOWS)[number]['id']) : '24h';
    const monitor = await getMonitor(monitors, id);
    const now = monitors.clock.now();
    const checks = await monitors.store.checks(id, new Date(now - 31 * 86_400_000).toISOString());
    return jsonResponse({
      status: monitorStatus(monitor, checks, now),
      window: chosen,
      buckets: bucketize(checks, now, chosen),
      events: await monitors.store.events(id, 100),
      deliveries: await monitors.store.deliveries(id, 50),
    });
  },
);
