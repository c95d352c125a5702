import { after } from 'next/server';
import { parseCheckInput } from '@/lib/api/check-input';
import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/app-registry';
import { withAdmission } from '@/lib/security/admission';
import { startRun } from '@/lib/runs/start';
import { HistoryQuerySchema } from '@/lib/sessions/input';
import { getStore } from '@/lib/store';

/**
 * `POST /api/runs`: starts a diagnosis and answers its id once the run is saved; poll
 * `GET /api/runs/<id>`. A run the store could not save is answered 503 `store-busy` or
 * `store-unavailable`, never 202.
 */
export const POST = withStoreErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseCheckInput(body.value);
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  // The slot is held until the background diagnosis ends, not just until this answer.
  const admitted = await withAdmission(
    request,
    async () => {
      const started = startRun(runs, parsed.target, parsed.options);
      after(started.done);
      await started.saved;
      return started;
    },
    (started) => started.done,
  );
  if (!admitted.ok) return admitted.response;
  const { run } = admitted.value;
  return jsonResponse({ id: run.id }, 202, { location: `/api/runs/${run.id}` });
});

/**
 * `GET /api/runs?url=<endpoint>[&limit=20][&cursor=…]`: the endpoint's saved runs, newest first,
 * `{ runs, next }`; pass `next` as `cursor` for the following page.
 */
export const GET = withStoreErrors(async (request: Request): Promise<Response> => {
  const query = HistoryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return apiError(400, 'invalid-input', query.error.issues.map((i) => i.message).join('; '));
  }
  return jsonResponse(await (await getStore()).history(query.data.url, query.data));
});
