import type { Area, CheckResult, Report, Row, RowStatus, Transcript } from './schema';

const ROW_TITLES: Record<Area, string> = {
  connection: 'Connection fails',
  tools: 'Tools not showing',
  widgets: 'Widget not rendering',
  auth: 'Auth errors',
};
export const AREAS: Area[] = ['connection', 'tools', 'widgets', 'auth'];

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

const blocks = (c: CheckResult) =>
  c.status === 'error' || (c.status === 'fail' && c.severity === 'error');
const warns = (c: CheckResult) => c.status === 'fail' && c.severity === 'warning';

/** One row of ChatGPT's connection-issues table, judged from its area's checks. */
export function summarizeRow(
  area: Area,
  checks: readonly CheckResult[],
  transcript: Transcript,
): Row {
  const own = orderChecks(checks.filter((c) => c.area === area));
  const row = (status: RowStatus, summary: string, fix: string | null): Row => ({
    id: area,
    title: ROW_TITLES[area],
    status,
    summary,
    fix,
  });
  if (own.length === 0)
    return row('skipped', 'Not checked by this version of MCP Doctor yet.', null);
  const worst = own.find(blocks) ?? own.find(warns);
  if (worst) {
    const others = own.filter((c) => c !== worst && (blocks(c) || warns(c))).length;
    const more = others ? ` (+${others} more)` : '';
    return row(blocks(worst) ? 'fail' : 'warn', `${worst.message}${more}`, worst.fix);
  }
  if (own.every((c) => c.status === 'skipped'))
    return row('skipped', own[0]?.message ?? 'Skipped.', null);
  return row('pass', passSummary(area, transcript), null);
}

function passSummary(area: Area, t: Transcript): string {
  switch (area) {
    case 'connection': {
      const via = t.mcp?.transport === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP';
      const init = t.steps.find((s) => s.id === 'initialize');
      return `MCP session opened over ${via}${init ? ` in ${init.durationMs} ms` : ''}.`;
    }
    case 'tools':
      return `${t.tools.length} tool${t.tools.length === 1 ? '' : 's'} listed, all valid.`;
    case 'widgets': {
      const n = t.widgets?.widgets.length ?? 0;
      return `${n} widget${n === 1 ? '' : 's'} declared; every template read and served as a widget.`;
    }
    case 'auth': {
      const server = t.auth?.authorizationServer?.issuer;
      const signedIn = t.auth?.token?.accepted ? ' Your token is accepted.' : '';
      return server
        ? `OAuth discovery works: authorization server ${server}, PKCE S256, client registration.${signedIn}`
        : `No problems found.${signedIn}`;
    }
  }
}

export function overallStatus(rows: readonly Row[]): Report['status'] {
  if (rows.some((r) => r.status === 'fail')) return 'fail';
  if (rows.some((r) => r.status === 'warn')) return 'warn';
  return 'pass';
}

/** The CI verdict: unhealthy when an error-level check failed (in strict mode, a warning too). */
export function isHealthy(report: Pick<Report, 'checks'>, strict = false): boolean {
  return !report.checks.some((c) => blocks(c) || (strict && warns(c)));
}
