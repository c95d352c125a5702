import { completeToolList, diffTools } from '@/lib/checks/shared/tool-diff';
import type { Report } from '@/lib/report/schema';
import type { Run } from '@/lib/runs/schema';
import type { CheckOutcome, EventDetail } from './schema';

/** Problems an alert lists at most; the run has the rest. */
const MAX_PROBLEMS = 10;

/** What a monitor keeps of one run: its verdict and the figures the charts and alerts need. */
export interface Observation {
  outcome: CheckOutcome;
  status: Report['status'] | null;
  /** The `initialize` round trip plus the first `tools/list` page: what a client waits for. */
  latencyMs: number | null;
  toolCount: number | null;
  /** `connection.tls` failed with `expires-soon` (fewer than 14 days left). */
  certExpiring: boolean;
  /** The certificate check's own words, when it expires soon. */
  certMessage: string | null;
  /** `tools.drift` failed: the names added, removed and changed since the endpoint's last run. */
  tools: { added: string[]; removed: string[]; changed: string[] } | null;
  detail: EventDetail;
}

const EMPTY_DETAIL: EventDetail = { status: null, rows: [], problems: [], tools: null };

/**
 * Reads a finished run. Every verdict comes from the report (`healthy`, `tools.drift`,
 * `connection.tls`); nothing is judged again here. A run without a report (MCP Doctor itself
 * failed, or its process stopped) is an `error`: it says nothing about the endpoint.
 */
export function observe(run: Pick<Run, 'state' | 'report'>): Observation {
  const report = run.report;
  if (run.state !== 'done' || !report) {
    return {
      outcome: 'error',
      status: null,
      latencyMs: null,
      toolCount: null,
      certExpiring: false,
      certMessage: null,
      tools: null,
      detail: EMPTY_DETAIL,
    };
  }
  const tls = report.checks.find((c) => c.id === 'connection.tls');
  const certExpiring = tls?.status === 'fail' && tls.code === 'expires-soon';
  const drift = report.checks.find((c) => c.id === 'tools.drift');
  const current = completeToolList(report);
  const diff =
    drift?.status === 'fail' && report.previousTools && current
      ? diffTools(report.previousTools.tools, current)
      : null;
  const tools = diff
    ? { added: diff.added, removed: diff.removed, changed: diff.changed.map((c) => c.name) }
    : null;
  return {
    outcome: report.healthy ? 'healthy' : 'failing',
    status: report.status,
    latencyMs: latencyOf(report),
    toolCount: report.listing ? report.tools.length : null,
    certExpiring,
    certMessage: certExpiring ? (tls?.message ?? null) : null,
    tools,
    detail: {
      status: report.status,
      rows: report.rows
        .filter((row) => row.status !== 'pass' && row.status !== 'skipped')
        .map(({ id, status, summary, fix }) => ({ id, status, summary, fix })),
      problems: report.checks
        .filter((c) => (c.status === 'fail' && c.severity !== 'info') || c.status === 'error')
        .slice(0, MAX_PROBLEMS)
        .map(({ id, title, message, fix }) => ({ id, title, message, fix })),
      tools,
    },
  };
}

function latencyOf(report: Report): number | null {
  const id = report.mcp?.initializeExchangeId;
  const initialize = id ? report.exchanges.find((x) => x.id === id)?.durationMs : null;
  if (initialize === null || initialize === undefined) return null;
  return initialize + (report.listing?.pages[0]?.durationMs ?? 0);
}
