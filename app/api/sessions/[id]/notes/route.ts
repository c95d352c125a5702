import { apiError, jsonResponse, withStoreErrors } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json';
import { addNote } from '@/lib/sessions/actions';
import { NoteInputSchema, parseInput } from '@/lib/sessions/input';
import { getStore } from '@/lib/store';
import { StoreIdSchema } from '@/lib/store/schema';

/**
 * `POST /api/sessions/<id>/notes`: `{ body, author?, runId?, checkId?, exchangeId? }`; the body is
 * plain text or Markdown (rendered without raw HTML), at most 10 KB.
 */
export const POST = withStoreErrors(
  async (request: Request, ctx: RouteContext<'/api/sessions/[id]/notes'>): Promise<Response> => {
    const { id } = await ctx.params;
    const store = await getStore();
    const session = StoreIdSchema.safeParse(id).success ? await store.getSession(id) : undefined;
    if (!session) return apiError(404, 'not-found', `no session with id "${id.slice(0, 40)}"`);
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const parsed = parseInput(NoteInputSchema, body.value);
    if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
    const added = await addNote(store, session, parsed.value);
    if (!added.ok) return apiError(400, 'invalid-input', added.message);
    return jsonResponse({ note: added.note }, 201);
  },
);
