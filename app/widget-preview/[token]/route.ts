import { runs } from '@/lib/runs/app-registry';
import { admissionFromEnv } from '@/lib/security/admission';
import { ownOrigins } from '@/lib/security/first-layer';
import { withoutOrigins } from '@/lib/security/preview-csp';
import { viewFromQuery } from '@/lib/widgets/preview-display';
import { previewResponse } from '@/lib/widgets/preview-response';
import { decodePreviewToken } from '@/lib/widgets/preview-token';

// A widget's HTML from a saved run: never cached or prerendered.
export const dynamic = 'force-dynamic';

/**
 * `GET /widget-preview/<token>[?theme=light|dark&display=inline|fullscreen|pip]`: one widget's preview document, for the run page's sandboxed
 * iframe. Its CSP comes from the widget's metadata; whatever that declares, it never lets the
 * preview reach this dashboard.
 */
export async function GET(
  request: Request,
  ctx: RouteContext<'/widget-preview/[token]'>,
): Promise<Response> {
  const { token } = await ctx.params;
  // Another instance may have made the run: loading it from the store puts it in this one's memory.
  const run = decodePreviewToken(token)?.run;
  if (run) await runs.load(run, { keep: true });
  // `?theme=dark&display=pip`: how the page shows the widget when it loads (unknown values: defaults).
  const response = previewResponse(runs, token, viewFromQuery(new URL(request.url).searchParams));
  const policy = response.headers.get('content-security-policy');
  if (policy) {
    const dashboard = ownOrigins(
      request.url,
      request.headers,
      process.env,
      admissionFromEnv().trustedProxies,
    );
    response.headers.set('content-security-policy', withoutOrigins(policy, dashboard));
  }
  return response;
}
