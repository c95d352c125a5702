import { apiError, jsonResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { formatIssues } from '@/lib/probe/target';
import { runs } from '@/lib/runs/app-registry';
import { RunIdSchema } from '@/lib/runs/schema';
import { apiAdmission } from '@/lib/security/admission';
import { CallInputSchema, callForRun } from './run-call';

/**
 * `POST /api/runs/<id>/calls` and `POST /api/runs/<id>/widgets/calls` (`widgetOnly`): one
 * implementation. Answers `{ call, preview }` (`preview` null for a tool without a widget).
 */
export async function postCall(
  request: Request,
  id: string,
  options: { widgetOnly: boolean },
): Promise<Response> {
  if (!RunIdSchema.safeParse(id).success)
    return apiError(404, 'not-found', `no run with id "${id.slice(0, 40)}"`);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = CallInputSchema.safeParse(body.value);
  if (!input.success) return apiError(400, 'invalid-input', formatIssues(input.error));
  await runs.load(id, { keep: true }); // the run may have been made by another instance
  // A tool call dials the server under test: the same limits as a diagnosis.
  const ticket = apiAdmission().admit(request);
  if (!ticket.ok) return ticket.response;
  const outcome = await callForRun(runs, id, input.data, options).finally(ticket.release);
  if (!outcome.ok) return apiError(outcome.status, outcome.code, outcome.message);
  return jsonResponse({ call: outcome.call, preview: outcome.preview });
}
