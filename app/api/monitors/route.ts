import { jsonResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { invalid, monitorRoute, monitorsFor } from '@/lib/monitors/api';
import { parseMonitorCreate } from '@/lib/monitors/input';
import { createMonitor, monitorView } from '@/lib/monitors/monitors';

/**
 * `POST /api/monitors` `{ url, everyMinutes, name?, client?, public?, webhooks?, headers?, token?,
 * …CI options }`: answers 201 `{ id, monitor, webhookSecret }` (the secret that signs webhook
 * bodies, shown this once). The first check runs at once.
 */
export const POST = monitorRoute(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseMonitorCreate(body.value);
  if (!parsed.ok) return invalid(parsed.message);
  const { service, ctx } = await monitorsFor();
  const { monitor, webhookSecret } = await createMonitor(ctx, parsed.value);
  service.wake();
  return jsonResponse({ id: monitor.id, monitor, webhookSecret }, 201, {
    location: `/api/monitors/${monitor.id}`,
  });
});

/** `GET /api/monitors`: every monitor, newest first, `{ monitors }`. */
export const GET = monitorRoute(async (): Promise<Response> => {
  const { ctx } = await monitorsFor();
  return jsonResponse({ monitors: (await ctx.store.list()).map(monitorView) });
});
