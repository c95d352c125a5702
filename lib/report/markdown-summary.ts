import type { ClientVerdict, Verdict } from '@/lib/clients/verdict';
import { plural } from '@/lib/text/plural';
import type { CheckResult, Report, RowStatus } from './schema';

/**
 * What GitHub turns into a link even when escaped: its autolink extension runs on the text after
 * escapes are resolved (https://github.github.com/gfm/#autolinks-extension-), so URLs, www. names
 * and e-mail addresses go in code spans, which it leaves alone. A piece stops at whitespace, `|`,
 * a backtick or an angle bracket, so a span never holds a character it would need to escape.
 */
const LINK_LIKE = /(?:(?:https?|mailto|xmpp):|www\.)[^\s|`<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/**
 * Remote text (server names, messages, tool names) must stay text in rendered Markdown: no links,
 * images, HTML, emphasis or table breaks a server could slip in. CommonMark lets any ASCII
 * punctuation be backslash-escaped (spec 0.31.2, §2.4 "Backslash escapes",
 * https://spec.commonmark.org/0.31.2/#backslash-escapes), `|` included inside GFM table cells
 * (https://github.github.com/gfm/#tables-extension-); link-like pieces become code spans (above).
 * Line breaks become spaces so a value stays in its cell or list item, and control and bidi
 * characters are dropped as in the terminal.
 */
export function markdownText(text: string): string {
  const flat = text
    .replace(/[\t\n\r]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const escape = (plain: string) => plain.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(LINK_LIKE)) {
    out += `${escape(flat.slice(last, match.index))}\`${match[0]}\``;
    last = match.index + match[0].length;
  }
  return out + escape(flat.slice(last));
}

const ROW_MARK: Record<RowStatus, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  unverified: '❔ unverified',
  skipped: '➖ skipped',
};

const VERDICT_MARK: Record<Verdict, string> = {
  works: '✅ works',
  degraded: '⚠️ degraded',
  blocked: '❌ blocked',
  unknown: '❔ unknown',
};

const failing = (c: CheckResult) =>
  c.status === 'error' || (c.status === 'fail' && c.severity !== 'info');

/** Items shown per failing check; the JSON report has them all. */
const MAX_ITEMS = 5;

function checkLines(check: CheckResult): string[] {
  const label = check.status === 'error' ? 'crashed' : check.severity;
  const lines = [
    `- **${label}** \`${check.id}\` ${markdownText(check.title)}: ${markdownText(check.message)}`,
  ];
  for (const item of check.items.slice(0, MAX_ITEMS)) {
    lines.push(`  - ${markdownText(item.subject)}: ${markdownText(item.detail)}`);
  }
  if (check.items.length > MAX_ITEMS) {
    lines.push(`  - … and ${check.items.length - MAX_ITEMS} more`);
  }
  // Our own text and our own https link (lib/checks/define.ts requires one per check).
  lines.push(`  - Fix: ${markdownText(check.fix)}`, `  - Docs: <${check.docs}>`);
  return lines;
}

function clientLines(clients: ClientVerdict[]): string[] {
  const lines = ['', '### Clients', '', '| Client | Verdict | Why |', '| --- | --- | --- |'];
  for (const client of clients) {
    // Several rules can rest on one missing fact and say the same thing: each reason once.
    const reasons = new Set(
      client.reasons
        .filter((r) => r.outcome !== 'ok')
        .map((r) => `${markdownText(r.message)}${r.check ? ` (\`${r.check}\`)` : ''}`),
    );
    lines.push(
      `| ${markdownText(client.name)} | ${VERDICT_MARK[client.verdict]} | ${[...reasons].join('<br>') || '—'} |`,
    );
  }
  return lines;
}

/**
 * The report as GitHub-flavoured Markdown, for a CI job summary or a pull-request comment: the
 * verdict, the four rows of ChatGPT's connection-issues table, each failing check with its fix,
 * and every client's verdict. Pure: report in, text out.
 */
export function markdownSummary(report: Report): string {
  const strict = report.request?.strict ?? false;
  const lines = [
    `## MCP Doctor: ${report.healthy ? '✅ healthy' : '❌ not healthy'}${strict ? ' (strict)' : ''}`,
    '',
    markdownText(report.url),
    '',
    '| Row | Status | What was found |',
    '| --- | --- | --- |',
  ];
  for (const row of report.rows) {
    const fix =
      row.fix && row.status !== 'pass'
        ? `<br>${row.status === 'unverified' ? 'To verify' : 'Fix'}: ${markdownText(row.fix)}`
        : '';
    lines.push(`| ${row.title} | ${ROW_MARK[row.status]} | ${markdownText(row.summary)}${fix} |`);
  }

  const problems = report.checks.filter(failing);
  if (problems.length > 0) {
    lines.push('', `### Failing checks (${problems.length})`, '');
    for (const check of problems) lines.push(...checkLines(check));
  }
  if (report.clients.length) lines.push(...clientLines(report.clients));

  const server = report.server;
  const facts = [
    server.name
      ? markdownText(`${server.name}${server.version ? ` ${server.version}` : ''}`)
      : 'unknown server',
    server.protocolVersion ? `protocol ${markdownText(server.protocolVersion)}` : null,
    plural(report.tools.length, 'tool'),
    `${report.durationMs} ms`,
  ].filter((f) => f !== null);
  lines.push('', facts.join(' · '), '');
  return lines.join('\n');
}
