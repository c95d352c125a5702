import { diagnose } from '@/lib/diagnose';
import { isHealthy } from '@/lib/report/summarize';
import type { ParsedCheck } from './check-input';
import { apiError, jsonResponse } from './errors';

/**
 * The CI contract of `/api/check`: the whole report as JSON, 200 when healthy and 503 when not, so
 * `curl --fail` alone gates a pipeline. A client that hangs up aborts the probe.
 */
export async function answerCheck(parsed: ParsedCheck, signal: AbortSignal): Promise<Response> {
  if (!parsed.ok) return apiError(400, 'invalid-input', parsed.message);
  const report = await diagnose(parsed.target, { signal });
  return jsonResponse(report, isHealthy(report, parsed.strict) ? 200 : 503);
}
