import { withStoreErrors } from '@/lib/api/errors';
import { postCall } from '@/lib/calls/post-call';

/**
 * `POST /api/runs/<id>/widgets/calls` `{ tool, arguments, token?, headers?, confirm? }`: "Call and
 * render". `POST /api/runs/<id>/calls` restricted to tools that declare a widget; answers
 * `{ call, preview: { src, nonce } }`.
 */
export const POST = withStoreErrors(
  async (request: Request, ctx: RouteContext<'/api/runs/[id]/widgets/calls'>): Promise<Response> =>
    postCall(request, (await ctx.params).id, { widgetOnly: true }),
);
