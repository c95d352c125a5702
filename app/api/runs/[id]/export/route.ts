import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { runs } from '@/lib/runs/app-registry';
import { RunIdSchema } from '@/lib/runs/schema';
import { exportDocument, exportFileName } from '@/lib/sessions/transfer';

/** `GET /api/runs/<id>/export`: the finished run as one JSON file, to import elsewhere. */
export const GET = withStoreErrors(
  async (_request: Request, ctx: RouteContext<'/api/runs/[id]/export'>): Promise<Response> => {
    const { id } = await ctx.params;
    const run = RunIdSchema.safeParse(id).success ? await runs.load(id) : undefined;
    if (!run) return apiError(404, 'not-found', `no run with id "${id.slice(0, 40)}"`);
    if (!run.report) {
      return apiError(404, 'not-found', `run "${id}" has no report to export (${run.state})`);
    }
    return jsonResponse(exportDocument(run), 200, {
      'content-disposition': `attachment; filename="${exportFileName(run)}"`,
    });
  },
);
