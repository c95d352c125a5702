import { AREA_TABLE, areaOf, type Area } from '@/lib/report/areas';
import type {
  CheckResult,
  Report,
  ReportStatus,
  Row,
  RowStatus,
  Transcript,
} from '@/lib/report/schema';
import { plural } from '@/lib/text/plural';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const STATUS_RANK = { error: 0, fail: 0, pass: 1, skipped: 2 } as const;

/** Failures first (errors, then warnings, then notes), then passes, then skipped; stable otherwise. */
export function orderChecks(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      (a.status === 'fail' || a.status === 'error'
        ? SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
        : 0),
  );
}

export const blocks = (c: CheckResult): boolean =>
  c.status === 'error' || (c.status === 'fail' && c.severity === 'error');
export const warns = (c: CheckResult): boolean => c.status === 'fail' && c.severity === 'warning';
export const isBlocked = (c: CheckResult): boolean => c.skip?.cause === 'blocked';

/**
 * One row of ChatGPT's connection-issues table, judged from its area's checks: the worst failure;
 * else `unverified` when none of its checks could run because something earlier failed (never a
 * pass on missing input); else skipped when nothing applies; else a pass.
 */
export function summarizeRow(area: Area, checks: readonly CheckResult[], t: Transcript): Row {
  const own = orderChecks(checks.filter((c) => c.area === area));
  const row = (status: RowStatus, summary: string, fix: string | null): Row => ({
    id: area,
    title: areaOf(area).title,
    status,
    summary,
    fix,
  });
  if (own.length === 0) return row('skipped', 'Not checked by this version of MCP Doctor.', null);
  const worst = own.find(blocks) ?? own.find(warns);
  if (worst) {
    const others = own.filter((c) => c !== worst && (blocks(c) || warns(c))).length;
    const more = others ? ` (+${others} more)` : '';
    return row(blocks(worst) ? 'fail' : 'warn', `${worst.message}${more}`, worst.fix);
  }
  const unchecked = own.filter(isBlocked);
  if (own.every((c) => c.status === 'skipped')) {
    const first = unchecked[0];
    if (first) {
      return row(
        'unverified',
        `Not verified: ${stripSkipped(first.message)}`,
        first.skip?.verify ??
          `Fix what ${first.skip?.owner ?? 'the earlier checks'} reports first.`,
      );
    }
    if (own.every((c) => c.skip?.cause === 'on-request')) {
      return row('skipped', 'skipped on request', null);
    }
    return row('skipped', stripSkipped(own[0]?.message ?? 'Skipped.'), null);
  }
  const partly = unchecked.length
    ? ` ${plural(unchecked.length, 'check')} could not run: ${unchecked.map((c) => c.id).join(', ')}.`
    : '';
  return row('pass', `${passSummary(area, t)}${partly}`, null);
}

/** "skipped: tools/list was not sent" reads as "tools/list was not sent" after "Not verified:". */
const stripSkipped = (message: string) => message.replace(/^(skipped|not checked): /, '');

function passSummary(area: Area, t: Transcript): string {
  switch (area) {
    case 'connection': {
      const init = t.steps.find((s) => s.id === 'initialize');
      if (!t.mcp?.transport) {
        return 'The server is reachable and asks for authorization before the MCP handshake.';
      }
      const via = t.mcp.transport === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP';
      return `MCP session opened over ${via}${init ? ` in ${init.durationMs} ms` : ''}.`;
    }
    case 'tools':
      return `${plural(t.tools.length, 'tool')} listed, all valid.`;
    case 'widgets':
      return `${plural(t.widgets?.widgets.length ?? 0, 'widget')} declared; every template read and served as a widget.`;
    case 'auth': {
      const server = t.auth?.authorizationServer?.issuer;
      const signedIn = t.auth?.token?.accepted ? ' Your token is accepted.' : '';
      return server
        ? `OAuth discovery works: authorization server ${server}, PKCE S256, client registration.${signedIn}`
        : `No problems found.${signedIn}`;
    }
  }
}

/** The rows in table order. */
export const summarizeRows = (checks: readonly CheckResult[], t: Transcript): Row[] =>
  AREA_TABLE.map((area) => summarizeRow(area.id, checks, t));

/** A failure outranks a row that could not be verified, which outranks a warning. */
export function overallStatus(rows: readonly Pick<Row, 'status'>[]): ReportStatus {
  for (const status of ['fail', 'unverified', 'warn'] as const) {
    if (rows.some((r) => r.status === status)) return status;
  }
  return 'pass';
}

/**
 * The CI verdict: healthy unless a row failed or could not be verified (rows skipped on request do
 * not count); in strict mode a warning fails too.
 */
export function isHealthy(rows: readonly Pick<Row, 'status'>[], strict: boolean): boolean {
  const status = overallStatus(rows);
  return status === 'pass' || (status === 'warn' && !strict);
}

/** Re-judges the rows, status and verdict after the checks changed. */
export function judgement(
  checks: readonly CheckResult[],
  t: Transcript,
): Pick<Report, 'rows' | 'status' | 'healthy'> {
  const rows = summarizeRows(checks, t);
  return {
    rows,
    status: overallStatus(rows),
    healthy: isHealthy(rows, t.request?.strict ?? false),
  };
}
