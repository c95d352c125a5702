import { after } from 'next/server';
import { parseCheckInput } from '@/lib/api/check-input';
import { apiError, jsonResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/registry';
import { apiAdmission } from '@/lib/security/admission';
import { startRun } from '@/lib/runs/start';
import { HistoryQuerySchema } from '@/lib/sessions/input';
import { getStore } from '@/lib/store';

/** `POST /api/runs`: starts a diagnosis and answers its id at once; poll `GET /api/runs/<id>`. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseCheckInput(body.value);
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const ticket = apiAdmission().admit(request);
  if (!ticket.ok) return ticket.response;
  let started: ReturnType<typeof startRun>;
  try {
    started = startRun(runs, parsed.target, parsed.options);
  } catch (error) {
    ticket.release();
    throw error;
  }
  const { run, done } = started;
  // The slot is held until the background diagnosis ends, not just until this answer.
  after(done.finally(ticket.release));
  return jsonResponse({ id: run.id }, 202, { location: `/api/runs/${run.id}` });
}

/**
 * `GET /api/runs?url=<endpoint>[&limit=20][&cursor=…]`: the endpoint's saved runs, newest first,
 * `{ runs, next }`; pass `next` as `cursor` for the following page.
 */
export async function GET(request: Request): Promise<Response> {
  const query = HistoryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return apiError(400, 'invalid-input', query.error.issues.map((i) => i.message).join('; '));
  }
  return jsonResponse(await (await getStore()).history(query.data.url, query.data));
}
