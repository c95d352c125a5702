import { formatIssues } from '@/lib/probe/target';
import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/app-registry';
import { RunIdSchema } from '@/lib/runs/schema';
import { apiAdmission } from '@/lib/security/admission';
import { CallInputSchema, callForRun } from '@/lib/widgets/run-call';

/**
 * `POST /api/runs/<id>/widgets/calls` `{ tool, arguments, token?, headers? }`: "Call and render".
 * Calls a read-only widget tool, appends the call and its exchanges to the run, and answers
 * `{ call, preview: { src, nonce } }`.
 */
export const POST = withStoreErrors(
  async (
    request: Request,
    ctx: RouteContext<'/api/runs/[id]/widgets/calls'>,
  ): Promise<Response> => {
    const { id } = await ctx.params;
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
    const outcome = await callForRun(runs, id, input.data).finally(ticket.release);
    if (!outcome.ok) return apiError(outcome.status, outcome.code, outcome.message);
    return jsonResponse({ call: outcome.call, preview: outcome.preview });
  },
);
