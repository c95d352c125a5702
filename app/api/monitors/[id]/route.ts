import { jsonResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { invalid, monitorRoute, monitorsFor } from '@/lib/monitors/api';
import { parseMonitorPatch } from '@/lib/monitors/input';
import { deleteMonitor, getMonitor, updateMonitor } from '@/lib/monitors/monitors';

/** `GET /api/monitors/<id>`: the monitor; its credentials only as which are set. */
export const GET = monitorRoute(
  async (_request: Request, ctx: RouteContext<'/api/monitors/[id]'>): Promise<Response> => {
    const { ctx: monitors, id } = await monitorsFor((await ctx.params).id);
    return jsonResponse(await getMonitor(monitors, id));
  },
);

/**
 * `PATCH /api/monitors/<id>`: any of `name`, `everyMinutes`, `client`, `public`, `webhooks`,
 * `token`, `headers` and the CI options; answers `{ monitor, webhookSecret }` (a secret only when
 * this gave the monitor its first webhook).
 */
export const PATCH = monitorRoute(
  async (request: Request, ctx: RouteContext<'/api/monitors/[id]'>): Promise<Response> => {
    const { service, ctx: monitors, id } = await monitorsFor((await ctx.params).id);
    const current = await getMonitor(monitors, id);
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const patch = parseMonitorPatch(body.value, current.settings);
    if (!patch.ok) return invalid(patch.message);
    const updated = await updateMonitor(monitors, id, patch.value);
    service.wake();
    return jsonResponse(updated);
  },
);

/** `DELETE /api/monitors/<id>`: the monitor and its history; its runs stay. Answers 204. */
export const DELETE = monitorRoute(
  async (_request: Request, ctx: RouteContext<'/api/monitors/[id]'>): Promise<Response> => {
    const { ctx: monitors, id } = await monitorsFor((await ctx.params).id);
    await deleteMonitor(monitors, id);
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  },
);
