import { apiError, jsonResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { startFlow } from '@/lib/oauth-flow/flow';
import { FlowStartSchema } from '@/lib/oauth-flow/schema';
import { TargetUrlSchema, formatIssues } from '@/lib/probe/target';
import { apiAdmission } from '@/lib/security/admission';

/** `POST /api/oauth/start` `{ url, checkRedirectUri? }`: discovery and registration, then the URL to authorize at. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = FlowStartSchema.safeParse(body.value);
  if (!input.success) return apiError(400, 'invalid-input', formatIssues(input.error));
  const url = TargetUrlSchema.safeParse(input.data.url);
  if (!url.success) return apiError(400, 'invalid-input', formatIssues(url.error));
  // Discovery and registration dial the server under test: the same limits as a diagnosis.
  const ticket = apiAdmission().admit(request);
  if (!ticket.ok) return ticket.response;
  const view = await startFlow({
    url: url.data,
    checkRedirectUri: input.data.checkRedirectUri,
  }).finally(ticket.release);
  return jsonResponse(view, 201, { location: `/api/oauth/flows/${view.id}` });
}
