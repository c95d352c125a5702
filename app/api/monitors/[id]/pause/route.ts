import { jsonResponse } from '@/lib/api/errors';
import { monitorRoute, monitorsFor } from '@/lib/monitors/api';
import { setPaused } from '@/lib/monitors/monitors';

/** `POST /api/monitors/<id>/pause`: no checks until it is resumed; answers the monitor. */
export const POST = monitorRoute(
  async (_request: Request, ctx: RouteContext<'/api/monitors/[id]/pause'>): Promise<Response> => {
    const { service, ctx: monitors, id } = await monitorsFor((await ctx.params).id);
    const monitor = await setPaused(monitors, id, true);
    service.wake();
    return jsonResponse(monitor);
  },
);
