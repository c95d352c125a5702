import { after } from 'next/server';
import { parseCheckInput } from '@/lib/api/check-input';
import { apiError, jsonResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/registry';
import { startRun } from '@/lib/runs/start';

/** `POST /api/runs`: starts a diagnosis and answers its id at once; poll `GET /api/runs/<id>`. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseCheckInput(body.value);
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const { run, done } = startRun(runs, parsed.target);
  after(done);
  return jsonResponse({ id: run.id }, 202, { location: `/api/runs/${run.id}` });
}
