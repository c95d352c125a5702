import { after } from 'next/server';
import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/app-registry';
import { rerun } from '@/lib/runs/rerun';
import { RunIdSchema } from '@/lib/runs/schema';
import { withAdmission } from '@/lib/security/admission';
import { parseInput, RerunInputSchema } from '@/lib/sessions/input';

/**
 * `POST /api/runs/<id>/rerun` `{ token?, headers?, url? }`: the same check again (time budget, CI
 * options), with the credentials given now, which are used for this run only and never stored.
 * Answers 202 `{ id }` once the new run is saved, like `POST /api/runs`.
 */
export const POST = withStoreErrors(
  async (request: Request, ctx: RouteContext<'/api/runs/[id]/rerun'>): Promise<Response> => {
    const { id } = await ctx.params;
    const run = RunIdSchema.safeParse(id).success ? await runs.load(id) : undefined;
    if (!run) return apiError(404, 'not-found', `no run with id "${id.slice(0, 40)}"`);
    if (run.origin === 'imported') {
      return apiError(400, 'invalid-input', 'an imported run cannot be re-run from here');
    }
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const input = parseInput(RerunInputSchema, body.value);
    if (!input.ok) return apiError(400, 'invalid-input', input.message);
    const admitted = await withAdmission(
      request,
      async () => {
        const started = rerun(runs, run, input.value);
        if (!started.ok) return started;
        after(started.done);
        await started.saved;
        return started;
      },
      (started) => (started.ok ? started.done : null),
    );
    if (!admitted.ok) return admitted.response;
    const started = admitted.value;
    if (!started.ok) return apiError(400, 'invalid-input', started.message);
    return jsonResponse({ id: started.run.id }, 202, { location: `/api/runs/${started.run.id}` });
  },
);
