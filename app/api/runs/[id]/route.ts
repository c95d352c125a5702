import { apiError, jsonResponse } from '@/lib/api/errors';
import { runs } from '@/lib/runs/registry';
import { RunIdSchema } from '@/lib/runs/schema';

/** `GET /api/runs/<id>`: `{ id, state, steps, report?, error? }` while it runs and after. */
export async function GET(
  _request: Request,
  ctx: RouteContext<'/api/runs/[id]'>,
): Promise<Response> {
  const { id } = await ctx.params;
  const run = RunIdSchema.safeParse(id).success ? runs.get(id) : undefined;
  if (!run)
    return apiError(
      404,
      'not-found',
      `no run with id "${id.slice(0, 40)}" (runs are kept in memory; the last 200 only)`,
    );
  return jsonResponse(run);
}
