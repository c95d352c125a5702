import { runs } from '@/lib/runs/app-registry';
import { previewResponse } from '@/lib/widgets/preview-response';
import { decodePreviewToken } from '@/lib/widgets/preview-token';

// A widget's HTML from a saved run: never cached or prerendered.
export const dynamic = 'force-dynamic';

/** `GET /widget-preview/<token>`: one widget's preview document, for the run page's sandboxed iframe. */
export async function GET(
  _request: Request,
  ctx: RouteContext<'/widget-preview/[token]'>,
): Promise<Response> {
  const { token } = await ctx.params;
  // Another instance may have made the run: loading it from the store puts it in this one's memory.
  const run = decodePreviewToken(token)?.run;
  if (run) await runs.load(run);
  return previewResponse(runs, token);
}
