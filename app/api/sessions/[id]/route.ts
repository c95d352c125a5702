import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { sessionView } from '@/lib/sessions/view';
import { getStore } from '@/lib/store';
import { StoreIdSchema } from '@/lib/store/schema';

/** `GET /api/sessions/<id>`: the session, its runs (newest first) with their diffs, its notes. */
export const GET = withStoreErrors(
  async (_request: Request, ctx: RouteContext<'/api/sessions/[id]'>): Promise<Response> => {
    const { id } = await ctx.params;
    const view = StoreIdSchema.safeParse(id).success
      ? await sessionView(await getStore(), id)
      : undefined;
    if (!view) return apiError(404, 'not-found', `no session with id "${id.slice(0, 40)}"`);
    return jsonResponse(view);
  },
);
