import { plural } from '@/lib/text/plural';
import type { CheckResult, Report, RowStatus } from './schema';

export interface TextOptions {
  /** ANSI colours; see `wantsColor`. */
  color: boolean;
}

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set to anything but the empty string
 * (no-color.org); `FORCE_COLOR` (as Node and most CLIs read it) turns it on for CI logs that render it.
 */
export function wantsColor(
  isTTY: boolean | undefined,
  env: Record<string, string | undefined>,
): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

/**
 * Remote text is hostile in a terminal too: escape sequences can recolour, move the cursor or
 * rewrite the title, and bidi controls can reorder what is read. Control characters and bidi
 * overrides are dropped; line breaks and tabs become spaces (every field prints on one line).
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\t\n\r]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

const SGR = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
type Style = keyof typeof SGR;

const ROW_MARK: Record<RowStatus, { mark: string; style: Style }> = {
  pass: { mark: '✓', style: 'green' },
  warn: { mark: '!', style: 'yellow' },
  fail: { mark: '✗', style: 'red' },
  unverified: { mark: '?', style: 'red' },
  skipped: { mark: '-', style: 'dim' },
};

const blocking = (c: CheckResult) =>
  c.status === 'error' || (c.status === 'fail' && c.severity === 'error');
const warning = (c: CheckResult) => c.status === 'fail' && c.severity === 'warning';
const note = (c: CheckResult) => c.status === 'fail' && c.severity === 'info';

const TRANSPORT_NAMES = { 'streamable-http': 'Streamable HTTP', sse: 'legacy HTTP+SSE' } as const;

/** What the server speaks, as the facts line says it. */
export const ERA_NAMES = {
  legacy: '2025 handshake only',
  modern: '2026-07-28 only',
  dual: 'both eras (2025 handshake and 2026-07-28)',
} as const;

/**
 * The report for a terminal: the four rows of ChatGPT's connection-issues table, then each error
 * and warning with its fix, then latency when it was measured, then the server and the verdict.
 */
export function textSummary(report: Report, options: TextOptions): string {
  const paint = (style: Style, text: string) =>
    options.color ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text;
  const safe = terminalSafe;
  const lines: string[] = [];

  lines.push(`${paint('bold', 'MCP Doctor')} ${safe(report.url)}`, '');

  const titleWidth = Math.max(...report.rows.map((r) => r.title.length));
  for (const row of report.rows) {
    const { mark, style } = ROW_MARK[row.status];
    const status = row.status.toUpperCase().padEnd(10);
    lines.push(
      `  ${paint(style, `${mark} ${status}`)} ${row.title.padEnd(titleWidth)}  ${safe(row.summary)}`,
    );
    if (row.fix && row.status !== 'pass') {
      lines.push(
        `  ${' '.repeat(12)} ${' '.repeat(titleWidth)}  ${paint('dim', `${row.status === 'unverified' ? 'To verify' : 'Fix'}: ${safe(row.fix)}`)}`,
      );
    }
  }

  const failing = report.checks.filter((c) => blocking(c) || warning(c));
  if (failing.length > 0) {
    lines.push('', paint('bold', `Problems (${failing.length})`));
    for (const check of failing) {
      const style: Style = blocking(check) ? 'red' : 'yellow';
      const label = check.status === 'error' ? 'crashed' : check.severity;
      lines.push(
        `  ${paint(style, `${blocking(check) ? '✗' : '!'} ${label}`)}  ${check.id}  ${safe(check.title)}`,
      );
      lines.push(`      ${safe(check.message)}`);
      for (const item of check.items.slice(0, 10))
        lines.push(`      - ${safe(item.subject)}: ${safe(item.detail)}`);
      if (check.items.length > 10) lines.push(`      - … and ${check.items.length - 10} more`);
      lines.push(
        `      ${paint('dim', `Fix: ${safe(check.fix)}`)}`,
        `      ${paint('dim', `Docs: ${safe(check.docs)}`)}`,
      );
    }
  }
  const notes = report.checks.filter(note).length;
  if (notes > 0) lines.push('', paint('dim', `${plural(notes, 'note')} not shown (see --json).`));

  if (report.latency) {
    const { latency } = report;
    lines.push(
      '',
      paint('bold', `Latency (${plural(latency.repeat, 'sample')}, a new session each)`),
    );
    const ms = (value: number | null) => (value === null ? '—' : `${value} ms`);
    for (const m of latency.methods) {
      const failed = m.failures > 0 ? paint('red', `  ${m.failures} failed`) : '';
      lines.push(
        `  ${m.method.padEnd(11)} p50 ${ms(m.p50Ms).padStart(9)}  p95 ${ms(m.p95Ms).padStart(9)}  max ${ms(m.maxMs).padStart(9)}${failed}`,
      );
    }
    for (const error of latency.errors) lines.push(`  ${paint('red', safe(error.message))}`);
  }

  const server = report.server;
  const name = server.name
    ? `${safe(server.name)}${server.version ? ` ${safe(server.version)}` : ''}`
    : 'unknown server';
  const facts = [
    name,
    server.protocolVersion ? `protocol ${safe(server.protocolVersion)}` : null,
    server.era ? ERA_NAMES[server.era] : null,
    server.transport ? TRANSPORT_NAMES[server.transport] : null,
    plural(report.tools.length, 'tool'),
    `${report.durationMs} ms`,
  ].filter((f) => f !== null);
  lines.push('', paint('dim', facts.join(' · ')));

  const errors = report.checks.filter(blocking).length;
  const warnings = report.checks.filter(warning).length;
  const unverified = report.rows.filter((r) => r.status === 'unverified');
  const strict = report.request?.strict ?? false;
  const counts = [
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    ...(unverified.length ? [`${unverified.map((r) => r.title).join(', ')} not verified`] : []),
  ].join(', ');
  const verdict = `${counts}${strict ? ' (strict: warnings fail)' : ''}`;
  lines.push(
    report.healthy
      ? paint('green', `Healthy: ${verdict}.`)
      : paint('red', `Not healthy: ${verdict}.`),
  );
  return `${lines.join('\n')}\n`;
}
