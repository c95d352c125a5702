import { apiError, jsonResponse } from '@/lib/api/errors';
import { flowView } from '@/lib/oauth-flow/flow';
import { FlowIdSchema } from '@/lib/oauth-flow/schema';

/** `GET /api/oauth/flows/<id>`: the sign-in's steps and exchanges, redacted; polled by the Auth panel. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const view = FlowIdSchema.safeParse(id).success ? flowView(id) : undefined;
  if (!view) return apiError(404, 'not-found', 'no such sign-in (they expire after 15 minutes)');
  return jsonResponse(view);
}
