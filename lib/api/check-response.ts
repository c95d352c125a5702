import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { CLIENT_INFO } from '@/lib/probe/mcp';
import { renderReport } from '@/lib/report/formats';
import type { ParsedCheck } from './check-input';
import { NO_STORE, apiError } from './errors';

/**
 * The CI contract of `/api/check`: the report in the asked format, 200 when healthy and 503 when
 * not (a row failed or could not be verified), so `curl --fail` alone gates a pipeline. A client
 * that hangs up aborts the probe.
 */
export async function answerCheck(parsed: ParsedCheck, signal: AbortSignal): Promise<Response> {
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const { target, options } = parsed;
  const report = await runHealthCheck(target, { options, signal });
  const { body, contentType } = renderReport(report, options.format ?? 'json', {
    creator: CLIENT_INFO,
  });
  return new Response(body, {
    status: report.healthy ? 200 : 503,
    headers: { ...NO_STORE, 'content-type': contentType },
  });
}
