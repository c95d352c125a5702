import { measureLatency } from '@/lib/probe/latency';
import { probe, type ProbeOptions } from '@/lib/probe/probe';
import type { Target } from '@/lib/probe/target';
import type { PreviousTools, Report, Transcript } from '@/lib/report/schema';
import { buildReport } from './build-report';
import { requestOf, type CiOptions } from './options';

export interface HealthCheckOptions extends ProbeOptions {
  /** What the caller asks beyond the checks: skipped areas, expected tools, strict, latency samples. */
  options?: CiOptions;
  /**
   * The tool list of the endpoint's previous saved run, looked up once the probe is done, so
   * `tools.drift` can compare while the checks stay pure functions of the transcript.
   */
  previousTools?: (transcript: Transcript) => Promise<PreviousTools | null>;
}

/**
 * The one diagnosis every consumer runs — the dashboard, `/api/check`, the CLI, sessions, the MCP
 * server and monitors: probe → transcript → checks → report, with the caller's options applied.
 * It never throws for what the remote side does; a throw here is a fault of MCP Doctor itself.
 */
export async function runHealthCheck(
  target: Target,
  { options, previousTools, ...probeOptions }: HealthCheckOptions = {},
): Promise<Report> {
  const request = options ? requestOf(options) : undefined;
  const recorded = await probe(target, { ...probeOptions, ...(request ? { request } : {}) });
  const previous = previousTools ? await previousTools(recorded).catch(() => null) : null;
  const report = buildReport(previous ? { ...recorded, previousTools: previous } : recorded);
  if (!options?.repeat) return report;
  const transport = report.mcp?.transport;
  if (!transport) return report;
  return {
    ...report,
    latency: await measureLatency(target, options.repeat, {
      transport,
      era: report.mcp?.sessionEra ?? 'legacy',
      ...(probeOptions.signal ? { signal: probeOptions.signal } : {}),
    }),
  };
}
