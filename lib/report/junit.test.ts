import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  listedTools,
  noSession,
  response,
  tool,
  transcript,
  withRequest,
} from '@/lib/checks/testing';
import { CLIENT_IDS, CLIENT_PROFILES } from '@/lib/clients';
import { buildReport } from '@/lib/diagnose/build-report';
import { toJUnit } from './junit';
import type { CheckResult, Report, Transcript } from './schema';

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; type: string; '#text': string };
  error?: { message: string; '#text': string };
  skipped?: { message: string };
  'system-out'?: string;
  properties?: { property: { name: string; value: string }[] };
}
interface Suite {
  name: string;
  id: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  properties: { property: { name: string; value: string }[] };
  testcase: Case[];
}

function parse(xml: string): { testsuites: Record<string, string> & { testsuite: Suite[] } } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    // Decode numeric character references (&#10;), as every conforming XML parser does.
    htmlEntities: true,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml);
}

const rowSuites = (doc: ReturnType<typeof parse>) =>
  doc.testsuites.testsuite.filter((s) => !s.id.startsWith('client.'));
const clientSuites = (doc: ReturnType<typeof parse>) =>
  doc.testsuites.testsuite.filter((s) => s.id.startsWith('client.'));

const suite = (doc: ReturnType<typeof parse>, id: string): Suite => {
  const found = doc.testsuites.testsuite.find((s) => s.id === id);
  if (!found) throw new Error(`no suite ${id}`);
  return found;
};

function withCheck(report: Report, check: Partial<CheckResult>): Report {
  const base: CheckResult = {
    id: 'tools.name',
    area: 'tools',
    title: 'A tool name is invalid',
    status: 'fail',
    severity: 'warning',
    code: 'bad-name',
    message: 'bad',
    fix: 'rename',
    docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools',
    evidence: ['x3'],
    items: [],
    skip: null,
  };
  return { ...report, checks: [...report.checks, { ...base, ...check }] };
}

describe('toJUnit', () => {
  it('has one suite per row and one case per check, with consistent counts', () => {
    const report = buildReport(transcript());
    const doc = parse(toJUnit(report));
    expect(doc.testsuites.testsuite.map((s) => s.id)).toEqual([
      'connection',
      'tools',
      'widgets',
      'auth',
      ...CLIENT_IDS.map((id) => `client.${id}`),
    ]);
    let total = 0;
    for (const s of rowSuites(doc)) {
      const own = report.checks.filter((c) => c.area === s.id);
      expect(s.testcase).toHaveLength(own.length);
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(s.name).toBe(report.rows.find((r) => r.id === s.id)?.title);
      expect(s.properties.property.find((p) => p.name === 'status')?.value).toBe(
        report.rows.find((r) => r.id === s.id)?.status,
      );
      for (const c of s.testcase) expect(c.classname).toBe(s.id);
      total += s.testcase.length;
    }
    for (const s of clientSuites(doc)) total += s.testcase.length;
    expect(Number(doc.testsuites.tests)).toBe(total);
    // Named by id alone, so a CI dashboard keeps one history per check across pass and fail.
    const url = suite(doc, 'connection').testcase.find((c) => c.name === 'connection.url');
    expect(url).toBeDefined();
    expect(url?.failure).toBeUndefined();
  });

  it('reports an error-level failure with its message, fix and docs link', () => {
    const report = buildReport(noSession(response(200, '<html></html>', 'text/html')));
    const doc = parse(toJUnit(report));
    const failing = report.checks.filter((c) => c.status === 'fail' && c.severity !== 'info');
    expect(failing.length).toBeGreaterThan(0);
    const unverified = report.rows.filter((r) => r.status === 'unverified').length;
    expect(unverified).toBeGreaterThan(0);
    const blockedRules = report.clients
      .flatMap((c) => c.reasons)
      .filter((r) => r.outcome === 'blocked');
    expect(Number(doc.testsuites.failures)).toBe(failing.length + unverified + blockedRules.length);
    const first = failing[0] as CheckResult;
    const testcase = suite(doc, first.area).testcase.find((c) => c.name === first.id);
    expect(testcase?.failure?.message).toBe(first.message);
    expect(testcase?.failure?.type).toBe(`error: ${first.code}`);
    expect(testcase?.failure?.['#text']).toContain(`Fix: ${first.fix}`);
    expect(testcase?.failure?.['#text']).toContain(`Docs: ${first.docs}`);
  });

  it('marks skipped checks, crashed checks and notes each their own way', () => {
    let report = buildReport(transcript());
    report = withCheck(report, {
      id: 'tools.skipped',
      status: 'skipped',
      message: 'skipped: no list',
    });
    report = withCheck(report, {
      id: 'tools.crashed',
      status: 'error',
      code: 'check-crashed',
      message: 'The check itself failed: boom',
    });
    report = withCheck(report, { id: 'tools.note', severity: 'info', message: 'a note' });
    const doc = parse(toJUnit(report));
    const tools = suite(doc, 'tools');
    const byId = (id: string) => tools.testcase.find((c) => c.name === id);
    expect(byId('tools.skipped')?.skipped?.message).toBe('skipped: no list');
    expect(byId('tools.crashed')?.error?.message).toBe('The check itself failed: boom');
    expect(byId('tools.note')?.failure).toBeUndefined();
    expect(byId('tools.note')?.['system-out']).toContain('a note');
    expect(Number(tools.errors)).toBe(1);
    expect(Number(tools.skipped)).toBeGreaterThanOrEqual(1);
  });

  it('marks security checks with a group property, failing or passing, and no other check', () => {
    let report = buildReport(transcript());
    report = withCheck(report, { id: 'tools.security-failing', group: 'security' });
    report = withCheck(report, {
      id: 'tools.security-passing',
      group: 'security',
      status: 'pass',
    });
    const tools = suite(parse(toJUnit(report)), 'tools');
    const byId = (id: string) => tools.testcase.find((c) => c.name === id);
    const group = [{ name: 'group', value: 'security' }];
    expect(byId('tools.security-failing')?.properties?.property).toEqual(group);
    expect(byId('tools.security-failing')?.failure?.message).toBe('bad');
    expect(byId('tools.security-passing')?.properties?.property).toEqual(group);
    expect(byId('tools.security-passing')?.failure).toBeUndefined();
    expect(byId('tools.name')?.properties).toBeUndefined();
  });

  it('shows a row skipped on request as skipped cases', () => {
    const doc = parse(toJUnit(buildReport(withRequest(transcript(), { skip: ['auth'] }))));
    const auth = suite(doc, 'auth');
    expect(auth.testcase.length).toBeGreaterThan(1);
    expect(auth.testcase.every((c) => c.skipped?.message === 'skipped on request')).toBe(true);
    expect(auth.skipped).toBe(String(auth.testcase.length));
    expect(auth.failures).toBe('0');
  });

  it('fails a row that could not be verified with one case named by the area', () => {
    const report = buildReport(noSession(response(401, '{"error":"unauthorized"}')));
    const doc = parse(toJUnit(report));
    const tools = suite(doc, 'tools');
    const row = tools.testcase.find((c) => c.name === 'tools');
    expect(row?.failure?.type).toBe('unverified');
    expect(row?.failure?.message).toMatch(/^Not verified: /);
    expect(row?.failure?.['#text']).toMatch(/To verify: Sign in/);
    expect(tools.failures).toBe('1');
    expect(Number(tools.tests)).toBe(tools.testcase.length);
  });

  it('carries hostile remote text safely: markup, ]]>, quotes and control characters', () => {
    const hostile = 'evil<script>alert("x")</script>]]><![CDATA[ & \'q\'';
    let report = buildReport(
      withRequest(transcript(listedTools([tool({ name: hostile })])), {
        expectTools: [`${hostile}2`],
      }),
    );
    report = withCheck(report, {
      id: 'tools.crafted',
      title: `Tool ${hostile}\u0000\u001b[31m\u0007`,
      message: `name ${hostile}\u0008 is\nnot valid\uFFFE\uD800`,
      items: [{ subject: hostile, detail: ']]>' }],
    });
    const xml = toJUnit(report);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFFFE]/);
    const tools = suite(parse(xml), 'tools');
    const expected = tools.testcase.find((c) => c.name === 'tools.expected');
    expect(expected?.failure?.message).toContain(`${hostile}2`);
    const named = tools.testcase.find((c) => c.name === 'tools.crafted');
    // A line break survives in an attribute as a character reference.
    expect(named?.failure?.message).toBe(`name ${hostile} is\nnot valid`);
    expect(named?.failure?.['#text']).toContain(`  - ${hostile}: ]]>`);
  });
});

/** The base run served on port 8443 (Claude's backend dials 443 only), with a 70-character tool name. */
const disagreeing: Transcript = {
  ...transcript(
    listedTools([tool({ name: 'a'.repeat(70), annotations: { title: 'A', readOnlyHint: true } })]),
  ),
  target: { ...transcript().target, url: 'https://example.com:8443/mcp' },
};

describe('toJUnit: one suite per client', () => {
  it('names each suite by its client, one case per rule named by the rule id', () => {
    const report = buildReport(disagreeing);
    const doc = parse(toJUnit(report));
    const suites = clientSuites(doc);
    expect(suites.map((s) => s.name)).toEqual(CLIENT_PROFILES.map((p) => `Client: ${p.name}`));
    expect(suite(doc, 'client.chatgpt').name).toBe('Client: ChatGPT');
    for (const profile of CLIENT_PROFILES) {
      const s = suite(doc, `client.${profile.id}`);
      expect(s.testcase.map((c) => c.name).sort()).toEqual(profile.rules.map((r) => r.id).sort());
      expect(s.testcase.every((c) => c.classname === `client.${profile.id}`)).toBe(true);
      expect(Number(s.tests)).toBe(s.testcase.length);
      const verdict = report.clients.find((c) => c.id === profile.id)?.verdict;
      expect(s.properties.property).toContainEqual({ name: 'verdict', value: verdict });
    }
  });

  it('fails the rules that block, skips the unknown ones and notes the degraded ones', () => {
    const doc = parse(toJUnit(buildReport(disagreeing)));
    const claude = suite(doc, 'client.claude');
    const port = claude.testcase.find((c) => c.name === 'claude.port-443');
    expect(port?.failure?.type).toBe('blocked');
    expect(port?.failure?.message).toBe('The MCP URL uses port 8443; Claude never dials it.');
    expect(port?.failure?.['#text']).toContain(
      'Rule: claude.port-443 (observed, as of 2026-03-28): https://github.com/anthropics/claude-ai-mcp/issues/85',
    );
    expect(claude.failures).toBe('1');
    const names = claude.testcase.find((c) => c.name === 'claude.directory-tool-names');
    expect(names?.failure).toBeUndefined();
    expect(names?.['system-out']).toMatch(/^degraded: 1 tool name is over 64 characters/);
    const browser = suite(doc, 'client.browser');
    const cors = browser.testcase.find((c) => c.name === 'browser.cors-mcp');
    expect(cors?.skipped?.message).toBeTruthy();
    expect(Number(browser.skipped)).toBeGreaterThan(0);
    expect(suite(doc, 'client.chatgpt').failures).toBe('0');
  });

  it('fails the chosen client’s suite as the exit code does when its verdict is unknown', () => {
    const report = buildReport(withRequest(transcript(), { client: ['browser'] }));
    expect(report.healthy).toBe(false);
    const browser = suite(parse(toJUnit(report)), 'client.browser');
    const verdict = browser.testcase.find((c) => c.name === 'client.browser');
    expect(verdict?.failure?.type).toBe('unknown');
    expect(verdict?.failure?.message).toMatch(/^Browser-based clients: unknown \(/);
    expect(browser.failures).toBe('1');
    expect(browser.properties.property).toContainEqual({ name: 'decides', value: 'healthy' });
    // Not chosen: its unknown verdict is listed, and fails nothing.
    const unchosen = suite(parse(toJUnit(buildReport(transcript()))), 'client.browser');
    expect(unchosen.failures).toBe('0');
  });
});
