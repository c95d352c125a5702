import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { runs } from '@/lib/runs/app-registry';
import { RunIdSchema } from '@/lib/runs/schema';

/**
 * `GET /api/runs/<id>`: `{ id, state, steps, report?, error?, origin, … }` while it runs and after,
 * read from the store, so any instance of the app answers for a run another one started.
 */
export const GET = withStoreErrors(
  async (_request: Request, ctx: RouteContext<'/api/runs/[id]'>): Promise<Response> => {
    const { id } = await ctx.params;
    const run = RunIdSchema.safeParse(id).success ? await runs.load(id) : undefined;
    if (!run) return apiError(404, 'not-found', `no run with id "${id.slice(0, 40)}"`);
    return jsonResponse(run);
  },
);
