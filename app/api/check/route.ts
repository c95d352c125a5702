import { parseCheckInput, parseCheckQuery, type ParsedCheck } from '@/lib/api/check-input';
import { answerCheck } from '@/lib/api/check-response';
import { readJsonBody } from '@/lib/api/read-json';
import { apiAdmission } from '@/lib/security/admission';

/** `GET /api/check?url=…&strict=1&timeoutMs=…`: the report, 200 when healthy, 503 when not. */
export async function GET(request: Request): Promise<Response> {
  return admitted(request, parseCheckQuery(new URL(request.url).searchParams));
}

/** `POST /api/check` with `{ url, headers?, token?, strict?, timeoutMs? }`. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return admitted(request, parseCheckInput(body.value));
}

/** Bad input is answered at once; a diagnosis runs only within the limits (429 otherwise). */
async function admitted(request: Request, parsed: ParsedCheck): Promise<Response> {
  if (!parsed.ok) return answerCheck(parsed, request.signal);
  const ticket = apiAdmission().admit(request);
  if (!ticket.ok) return ticket.response;
  try {
    return await answerCheck(parsed, request.signal);
  } finally {
    ticket.release();
  }
}
