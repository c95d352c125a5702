import { withStoreErrors } from '@/lib/api/errors';
import { postCall } from '@/lib/calls/post-call';

/**
 * `POST /api/runs/<id>/calls` `{ tool, arguments, token?, headers?, confirm? }`: calls any tool the
 * run listed (one not annotated `readOnlyHint: true` only with `confirm: true`, else 400
 * `confirmation-required`), appends the call and its exchanges to the run, and answers
 * `{ call, preview }`: the call with its output verdict, and the widget preview of the result
 * when the tool declares a widget (else null).
 */
export const POST = withStoreErrors(
  async (request: Request, ctx: RouteContext<'/api/runs/[id]/calls'>): Promise<Response> =>
    postCall(request, (await ctx.params).id, { widgetOnly: false }),
);
