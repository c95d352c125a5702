import { diagnose } from '@/lib/diagnose';
import { measureLatency } from '@/lib/probe/latency';
import { applyCiOptions, renderReport } from '@/lib/report/ci-options';
import { isHealthy } from '@/lib/report/summarize';
import type { ParsedCheck } from './check-input';
import { NO_STORE, apiError } from './errors';

/**
 * The CI contract of `/api/check`: the report (JSON, JUnit or text), 200 when healthy and 503 when
 * not, so `curl --fail` alone gates a pipeline. A client that hangs up aborts the probe.
 */
export async function answerCheck(parsed: ParsedCheck, signal: AbortSignal): Promise<Response> {
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const { target, options } = parsed;
  let report = applyCiOptions(await diagnose(target, { signal }), options);
  if (options.repeat) {
    const latency = await measureLatency(target, options.repeat, {
      transport: report.mcp?.transport ?? undefined,
      signal,
    });
    report = { ...report, latency };
  }
  const { body, contentType } = renderReport(report, options.format ?? 'json', {
    strict: options.strict,
  });
  return new Response(body, {
    status: isHealthy(report, options.strict) ? 200 : 503,
    headers: { ...NO_STORE, 'content-type': contentType },
  });
}
