import { after } from 'next/server';
import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/app-registry';
import { withAdmission } from '@/lib/security/admission';
import { createSession } from '@/lib/sessions/actions';
import { parseCreateSession } from '@/lib/sessions/input';
import { getStore } from '@/lib/store';

/**
 * `POST /api/sessions`: `{ runId, name? }` starts a session with that run; `{ url, name?, token?,
 * headers? }` starts one and its first run. Answers `{ id, runId }` and the page in `Location`.
 */
export const POST = withStoreErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseCreateSession(body.value);
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const create = async () => createSession(await getStore(), runs, parsed.value);
  // From a URL, a session starts a diagnosis: admitted like POST /api/runs.
  const admitted =
    parsed.value.from === 'url'
      ? await withAdmission(request, create, (c) => (c.ok ? c.started?.done : null))
      : { ok: true as const, value: await create() };
  if (!admitted.ok) return admitted.response;
  const created = admitted.value;
  if (!created.ok) {
    return apiError(
      created.status,
      created.status === 404 ? 'not-found' : 'invalid-input',
      created.message,
    );
  }
  if (created.started) after(created.started.done);
  const { id } = created.session;
  return jsonResponse({ id, runId: created.started?.run.id ?? null }, 201, {
    location: `/sessions/${id}`,
  });
});

/** `GET /api/sessions`: the 50 sessions most recently active. */
export const GET = withStoreErrors(async (): Promise<Response> => {
  return jsonResponse({ sessions: await (await getStore()).recentSessions(50) });
});
