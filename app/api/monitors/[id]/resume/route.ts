import { jsonResponse } from '@/lib/api/errors';
import { monitorRoute, monitorsFor } from '@/lib/monitors/api';
import { setPaused } from '@/lib/monitors/monitors';

/** `POST /api/monitors/<id>/resume`: checks again, the first one at once; answers the monitor. */
export const POST = monitorRoute(
  async (_request: Request, ctx: RouteContext<'/api/monitors/[id]/resume'>): Promise<Response> => {
    const { service, ctx: monitors, id } = await monitorsFor((await ctx.params).id);
    const monitor = await setPaused(monitors, id, false);
    service.wake();
    return jsonResponse(monitor);
  },
);
