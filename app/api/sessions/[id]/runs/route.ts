import { after } from 'next/server';
import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { runs } from '@/lib/runs/app-registry';
import { withAdmission } from '@/lib/security/admission';
import { rerun } from '@/lib/sessions/actions';
import { parseInput, RerunInputSchema } from '@/lib/sessions/input';
import { getStore } from '@/lib/store';
import { StoreIdSchema } from '@/lib/store/schema';

/**
 * `POST /api/sessions/<id>/runs`: reruns the session's endpoint, `{ token?, headers?, url? }` (used
 * for this run only, never stored). Answers 202 `{ id }` at once, like `POST /api/runs`.
 */
export const POST = withStoreErrors(
  async (request: Request, ctx: RouteContext<'/api/sessions/[id]/runs'>): Promise<Response> => {
    const { id } = await ctx.params;
    const store = await getStore();
    const session = StoreIdSchema.safeParse(id).success ? await store.getSession(id) : undefined;
    if (!session) return apiError(404, 'not-found', `no session with id "${id.slice(0, 40)}"`);
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const parsed = parseInput(RerunInputSchema, body.value);
    if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
    // A rerun starts a diagnosis: admitted like POST /api/runs (lib/security/admission.ts).
    const admitted = await withAdmission(
      request,
      () => rerun(store, runs, session, parsed.value),
      (s) => (s.ok ? s.done : null),
    );
    if (!admitted.ok) return admitted.response;
    const started = admitted.value;
    if (!started.ok) return apiError(400, 'invalid-input', started.message);
    after(started.done);
    return jsonResponse({ id: started.run.id }, 202, { location: `/api/runs/${started.run.id}` });
  },
);
