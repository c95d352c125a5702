import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { CLIENT_INFO } from '@/lib/probe/mcp';
import { toHar } from '@/lib/report/har';
import { runs } from '@/lib/runs/app-registry';
import { RunIdSchema } from '@/lib/runs/schema';

/** `GET /api/runs/<id>/har`: the run's exchanges as HAR 1.2, for browser devtools and HAR viewers. */
export const GET = withStoreErrors(
  async (_request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> => {
    const { id } = await ctx.params;
    const run = RunIdSchema.safeParse(id).success ? await runs.load(id) : undefined;
    if (!run?.report)
      return apiError(404, 'not-found', `no finished run with id "${id.slice(0, 40)}"`);
    return jsonResponse(toHar(run.report, CLIENT_INFO), 200, {
      'content-disposition': `attachment; filename="mcp-doctor-${id}.har"`,
    });
  },
);
