import { healthyFor, type ClientVerdict, type Reason } from '@/lib/clients/verdict';
import { attributes, xmlText, type Counts } from './junit-xml';
import type { Report } from './schema';

/** One client's suite: its XML and its counts, for the document's totals. */
export interface ClientSuite {
  xml: string;
  counts: Counts;
}

function details(reason: Reason): string {
  const { url, asOf, provenance } = reason.source;
  return [
    reason.message,
    '',
    `Rule: ${reason.rule} (${provenance}, as of ${asOf}): ${url}`,
    ...(reason.check ? [`Check: ${reason.check}`] : []),
    ...(reason.evidence?.length ? [`Evidence: exchanges ${reason.evidence.join(', ')}`] : []),
  ].join('\n');
}

/**
 * One case per rule, named by the rule's id (stable across outcomes, so a CI dashboard keeps one
 * history per rule): `blocked` fails, `unknown` is skipped, `degraded` passes with its note.
 */
function testcase(classname: string, reason: Reason): string {
  const head = `    <testcase${attributes({ classname, name: reason.rule })}`;
  switch (reason.outcome) {
    case 'blocked':
      return `${head}>\n      <failure${attributes({ message: reason.message, type: 'blocked' })}>${xmlText(details(reason))}</failure>\n    </testcase>`;
    case 'unknown':
      return `${head}>\n      <skipped${attributes({ message: reason.message })}/>\n    </testcase>`;
    case 'degraded':
      return `${head}>\n      <system-out>${xmlText(`degraded: ${details(reason)}`)}</system-out>\n    </testcase>`;
    case 'ok':
      return `${head}/>`;
  }
}

const chosen = (report: Report, client: ClientVerdict) =>
  report.request?.client?.some((id) => id === client.id) ?? false;

/**
 * When the run was judged for this client and its verdict does not pass though no rule blocked
 * (unknown, or degraded under strict), one failing case named by the suite says so: the suite
 * fails as the exit code does.
 */
function verdictCase(classname: string, client: ClientVerdict, report: Report): string | null {
  const passes = healthyFor(client.verdict, report.request?.strict ?? false);
  if (!chosen(report, client) || passes || client.verdict === 'blocked') return null;
  const first = client.reasons[0];
  const message = `${client.name}: ${client.verdict}${first ? ` (${first.message})` : ''}`;
  const text = first ? details(first) : message;
  return `    <testcase${attributes({ classname, name: classname })}>\n      <failure${attributes({ message, type: client.verdict })}>${xmlText(text)}</failure>\n    </testcase>`;
}

/** A client's verdict as a JUnit suite ("Client: ChatGPT", id `client.chatgpt`). */
export function clientSuite(client: ClientVerdict, report: Report): ClientSuite {
  const classname = `client.${client.id}`;
  const verdictLevel = verdictCase(classname, client, report);
  const cases = [
    ...(verdictLevel ? [verdictLevel] : []),
    ...client.reasons.map((r) => testcase(classname, r)),
  ];
  const count = (outcome: Reason['outcome']) =>
    client.reasons.filter((r) => r.outcome === outcome).length;
  const counts: Counts = {
    tests: cases.length,
    failures: count('blocked') + (verdictLevel ? 1 : 0),
    errors: 0,
    skipped: count('unknown'),
  };
  const properties = [
    ['verdict', client.verdict],
    ...(chosen(report, client) ? [['decides', 'healthy']] : []),
  ]
    .map(([name, value]) => `      <property${attributes({ name, value })}/>`)
    .join('\n');
  const xml = [
    `  <testsuite${attributes({ name: `Client: ${client.name}`, id: classname, ...counts, time: '0.000', timestamp: report.startedAt })}>`,
    `    <properties>\n${properties}\n    </properties>`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}
