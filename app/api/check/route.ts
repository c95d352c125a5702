import { parseCheckInput, parseCheckQuery } from '@/lib/api/check-input';
import { answerCheck } from '@/lib/api/check-response';
import { readJsonBody } from '@/lib/api/read-json';

/** `GET /api/check?url=…&strict=1&timeoutMs=…`: the report, 200 when healthy, 503 when not. */
export async function GET(request: Request): Promise<Response> {
  return answerCheck(parseCheckQuery(new URL(request.url).searchParams), request.signal);
}

/** `POST /api/check` with `{ url, headers?, token?, strict?, timeoutMs? }`. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return answerCheck(parseCheckInput(body.value), request.signal);
}
