import { areaOf } from './areas';
import { clientSuite, type ClientSuite } from './junit-clients';
import { attributes, seconds, xmlText, type Counts } from './junit-xml';
import type { CheckResult, Report, Row, StepId } from './schema';

/** How a result reads in JUnit: errors and warnings fail the test case; notes pass with output. */
type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

function outcomeOf(check: CheckResult): Outcome {
  if (check.status === 'error') return 'error';
  if (check.status === 'skipped') return 'skipped';
  if (check.status === 'fail' && check.severity !== 'info') return 'failure';
  return 'passed';
}

function details(check: CheckResult): string {
  const lines = [check.message];
  for (const item of check.items) lines.push(`  - ${item.subject}: ${item.detail}`);
  lines.push('', `Fix: ${check.fix}`, `Docs: ${check.docs}`);
  if (check.evidence.length > 0) lines.push(`Evidence: exchanges ${check.evidence.join(', ')}`);
  return lines.join('\n');
}

/**
 * A check's group (security) as a test case property, which JUnit reporters show and filter on;
 * not in the classname, which would give the case a new identity in CI dashboards' history.
 */
function properties(check: CheckResult): string {
  return check.group
    ? `\n      <properties>\n        <property${attributes({ name: 'group', value: check.group })}/>\n      </properties>`
    : '';
}

function testcase(check: CheckResult): string {
  // Named by id alone: the title changes between pass and fail, and CI dashboards key a test's
  // history on its name.
  const head = `    <testcase${attributes({ classname: check.area, name: check.id })}>${properties(check)}`;
  switch (outcomeOf(check)) {
    case 'skipped':
      return `${head}\n      <skipped${attributes({ message: check.message })}/>\n    </testcase>`;
    case 'error':
    case 'failure': {
      const tag = outcomeOf(check) === 'error' ? 'error' : 'failure';
      const type = check.code ?? check.severity;
      return `${head}\n      <${tag}${attributes({ message: check.message, type: `${check.severity}: ${type}` })}>${xmlText(details(check))}</${tag}>\n    </testcase>`;
    }
    case 'passed':
      return check.status === 'fail'
        ? `${head}\n      <system-out>${xmlText(`note: ${details(check)}`)}</system-out>\n    </testcase>`
        : check.group
          ? `${head}\n    </testcase>`
          : `${head.slice(0, -1)}/>`;
  }
}

/**
 * A row with no checks (not covered yet) still shows, as one skipped case; a row that could not be
 * verified adds one failing case named by the area, so the suite fails as the exit code does.
 */
function counts(row: Row, checks: CheckResult[]): Counts {
  if (checks.length === 0) return { tests: 1, failures: 0, errors: 0, skipped: 1 };
  const outcomes = checks.map(outcomeOf);
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  const unverified = row.status === 'unverified' ? 1 : 0;
  return {
    tests: checks.length + unverified,
    failures: count('failure') + unverified,
    errors: count('error'),
    skipped: count('skipped'),
  };
}

function rowCase(row: Row): string | null {
  const head = `    <testcase${attributes({ classname: row.id, name: row.id })}`;
  if (row.status === 'unverified') {
    const text = `${row.summary}${row.fix ? `\n\nTo verify: ${row.fix}` : ''}`;
    return `${head}>\n      <failure${attributes({ message: row.summary, type: 'unverified' })}>${xmlText(text)}</failure>\n    </testcase>`;
  }
  return null;
}

function testsuite(row: Row, checks: CheckResult[], report: Report): string {
  const steps: readonly StepId[] = areaOf(row.id).steps;
  const ms = report.steps
    .filter((s) => steps.includes(s.id))
    .reduce((sum, s) => sum + s.durationMs, 0);
  const rowLevel = rowCase(row);
  const cases =
    checks.length > 0
      ? [...(rowLevel ? [rowLevel] : []), ...checks.map(testcase)]
      : [
          `    <testcase${attributes({ classname: row.id, name: row.id })}>\n      <skipped${attributes({ message: row.summary })}/>\n    </testcase>`,
        ];
  const properties = [
    ['status', row.status],
    ['summary', row.summary],
    ...(row.fix ? [['fix', row.fix]] : []),
  ]
    .map(([name, value]) => `      <property${attributes({ name, value })}/>`)
    .join('\n');
  return [
    `  <testsuite${attributes({ name: row.title, id: row.id, ...counts(row, checks), time: seconds(ms), timestamp: report.startedAt })}>`,
    `    <properties>\n${properties}\n    </properties>`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/**
 * The report as JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins,
 * Azure) show as test results: one suite per row of the connection-issues table, one test case
 * per check; then one suite per client, one test case per rule (./junit-clients.ts). Every
 * string from the remote server is escaped; nothing is wrapped in CDATA.
 */
export function toJUnit(report: Report): string {
  const byRow = report.rows.map((row) => ({
    row,
    checks: report.checks.filter((c) => c.area === row.id),
  }));
  const clients: ClientSuite[] = report.clients.map((client) => clientSuite(client, report));
  const suiteCounts = [
    ...byRow.map((r) => counts(r.row, r.checks)),
    ...clients.map((s) => s.counts),
  ];
  const totals: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const c of suiteCounts) {
    totals.tests += c.tests;
    totals.failures += c.failures;
    totals.errors += c.errors;
    totals.skipped += c.skipped;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: `MCP Doctor: ${report.url}`, ...totals, time: seconds(report.durationMs), timestamp: report.startedAt })}>`,
    ...byRow.map(({ row, checks }) => testsuite(row, checks, report)),
    ...clients.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
