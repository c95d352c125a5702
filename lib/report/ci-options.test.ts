import { describe, expect, it } from 'vitest';
import { listedTools, noSession, response, tool, transcript } from '@/lib/checks/testing';
import { buildReport } from './build-report';
import {
  applyCiOptions,
  parseCiOptions,
  renderReport,
  SKIPPED_ON_REQUEST,
  type CiOptions,
} from './ci-options';
import { ReportSchema } from './schema';
import { isHealthy } from './summarize';

function options(input: Record<string, unknown>): CiOptions {
  const parsed = parseCiOptions(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
}

const threeTools = () =>
  buildReport(
    transcript(
      listedTools([tool({ name: 'search' }), tool({ name: 'fetch' }), tool({ name: 'save' })]),
    ),
  );

describe('parseCiOptions', () => {
  it('reads query-string values and JSON values alike', () => {
    const fromQuery = options({
      strict: '1',
      expectTools: 'a, b,,a',
      minTools: '2',
      skip: 'auth,widgets',
      format: 'junit',
      repeat: '5',
      timeoutMs: '5000',
    });
    const fromJson = options({
      strict: true,
      expectTools: ['a', 'b'],
      minTools: 2,
      skip: ['auth', 'widgets'],
      format: 'junit',
      repeat: 5,
      timeoutMs: 5000,
    });
    expect(fromQuery).toEqual({
      strict: true,
      expectTools: ['a', 'b'],
      minTools: 2,
      skip: ['auth', 'widgets'],
      format: 'junit',
      repeat: 5,
      timeoutMs: 5000,
    });
    expect(fromJson).toEqual(fromQuery);
  });

  it('defaults to a lenient single run', () => {
    expect(options({})).toEqual({ strict: false, expectTools: [], skip: [] });
  });

  it.each([
    [{ colour: 'red' }, /unknown option "colour"/],
    [{ repeat: '0' }, /repeat must be at least 1/],
    [{ repeat: 21 }, /repeat must be at most 20/],
    [{ repeat: '2.5' }, /repeat must be a whole number/],
    [{ minTools: 'many' }, /minTools must be a whole number/],
    [{ timeoutMs: 10 }, /timeoutMs must be at least 1000/],
    [{ skip: 'connection' }, /connection cannot be skipped/],
    [{ skip: 'tools,everything' }, /"everything" is not an area that can be skipped/],
    [{ format: 'xml' }, /must be one of json, junit, text/],
    [{ strict: 'yes' }, /must be 1, 0, true or false/],
    [{ expectTools: 'a', skip: 'tools' }, /skip leaves out/],
    [{ expectTools: ['x'.repeat(129)] }, /at most 128 characters/],
  ])('refuses %j with a clear message', (input, message) => {
    const parsed = parseCiOptions(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('applyCiOptions', () => {
  it('adds a passing tools.expected check when every expected tool is listed', () => {
    const report = applyCiOptions(threeTools(), options({ expectTools: 'search,save' }));
    const check = report.checks.find((c) => c.id === 'tools.expected');
    expect(check).toMatchObject({ status: 'pass', area: 'tools', code: null });
    expect(isHealthy(report)).toBe(true);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('fails tools.expected, naming each missing tool, and turns the Tools row red', () => {
    const report = applyCiOptions(threeTools(), options({ expectTools: 'search,delete,archive' }));
    const check = report.checks.find((c) => c.id === 'tools.expected');
    expect(check).toMatchObject({
      status: 'fail',
      severity: 'error',
      code: 'missing-tool',
      evidence: ['x3'],
    });
    expect(check?.items.map((i) => i.subject)).toEqual(['delete', 'archive']);
    expect(check?.message).toContain('delete, archive');
    expect(report.rows.find((r) => r.id === 'tools')).toMatchObject({
      status: 'fail',
      summary: check?.message,
      fix: check?.fix,
    });
    expect(report.status).toBe('fail');
    expect(report.checks[0]?.id).toBe('tools.expected');
    expect(isHealthy(report)).toBe(false);
  });

  it('fails tools.min-count below the minimum and passes at it', () => {
    const below = applyCiOptions(threeTools(), options({ minTools: 4 }));
    expect(below.checks.find((c) => c.id === 'tools.min-count')).toMatchObject({
      status: 'fail',
      code: 'too-few-tools',
      message: '3 tools listed; at least 4 expected.',
    });
    expect(isHealthy(below)).toBe(false);
    const at = applyCiOptions(threeTools(), options({ minTools: 3 }));
    expect(at.checks.find((c) => c.id === 'tools.min-count')?.status).toBe('pass');
    expect(isHealthy(at)).toBe(true);
  });

  it('skips the expectations, rather than passing them, when tools/list never ran', () => {
    const report = applyCiOptions(
      buildReport(noSession(response(404, 'Not Found', 'text/plain'))),
      options({ expectTools: 'search', minTools: 1 }),
    );
    expect(
      report.checks
        .filter((c) => c.id.startsWith('tools.expected') || c.id === 'tools.min-count')
        .map((c) => c.status),
    ).toEqual(['skipped', 'skipped']);
    expect(isHealthy(report)).toBe(false);
  });

  it('leaves skipped areas out: their checks dropped, their row skipped on request', () => {
    const base = buildReport(
      transcript(listedTools([tool({ name: 'bad name!', description: 'short' })])),
    );
    expect(base.checks.some((c) => c.area === 'tools')).toBe(true);
    const report = applyCiOptions(base, options({ skip: 'tools,auth' }));
    expect(report.checks.some((c) => c.area === 'tools' || c.area === 'auth')).toBe(false);
    for (const id of ['tools', 'auth'] as const) {
      expect(report.rows.find((r) => r.id === id)).toEqual({
        id,
        title: base.rows.find((r) => r.id === id)?.title,
        status: 'skipped',
        summary: SKIPPED_ON_REQUEST,
        fix: null,
      });
    }
    expect(report.rows.map((r) => r.id)).toEqual(['connection', 'tools', 'widgets', 'auth']);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('is pure: the input report is unchanged and applying twice gives the same report', () => {
    const base = threeTools();
    const before = structuredClone(base);
    const opts = options({ expectTools: 'nope', minTools: 5, skip: 'widgets' });
    const once = applyCiOptions(base, opts);
    expect(base).toEqual(before);
    expect(applyCiOptions(once, opts)).toEqual(once);
  });
});

describe('renderReport', () => {
  it('renders each format with its media type', () => {
    const report = threeTools();
    const json = renderReport(report, 'json', { strict: false });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(ReportSchema.parse(JSON.parse(json.body))).toEqual(report);
    const junit = renderReport(report, 'junit', { strict: false });
    expect(junit.contentType).toBe('application/xml; charset=utf-8');
    expect(junit.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    const text = renderReport(report, 'text', { strict: false });
    expect(text.contentType).toBe('text/plain; charset=utf-8');
    expect(text.body).toContain('Tools not showing');
    expect(text.body).not.toContain('\u001b');
  });
});
