import { runs } from '@/lib/runs/registry';
import { previewResponse } from '@/lib/widgets/preview-response';

// A widget's HTML from a run held in memory: never cached or prerendered.
export const dynamic = 'force-dynamic';

/** `GET /widget-preview/<token>`: one widget's preview document, for the run page's sandboxed iframe. */
export async function GET(
  _request: Request,
  ctx: RouteContext<'/widget-preview/[token]'>,
): Promise<Response> {
  const { token } = await ctx.params;
  return previewResponse(runs, token);
}
