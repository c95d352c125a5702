import { describe, expect, it } from 'vitest';
import {
  listedTools,
  noSession,
  response,
  tool,
  transcript,
  withRequest,
} from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import type { Latency } from './latency-schema';
import { terminalSafe, textSummary, wantsColor } from './text-summary';

const ESC = '\u001b';
const TITLES = ['Connection fails', 'Tools not showing', 'Widget not rendering', 'Auth errors'];

const latency: Latency = {
  repeat: 5,
  transport: 'streamable-http',
  methods: [
    { method: 'initialize', samples: 5, failures: 0, p50Ms: 12.3, p95Ms: 20, maxMs: 21 },
    { method: 'tools/list', samples: 4, failures: 1, p50Ms: 3, p95Ms: 4.5, maxMs: 4.5 },
  ],
  errors: [{ code: 'timeout', message: 'tools/list http://127.0.0.1/mcp: no answer in 10000 ms' }],
};

describe('textSummary', () => {
  it('shows the four rows, the server and a healthy verdict for a healthy run', () => {
    const text = textSummary(buildReport(transcript()), { color: false });
    const lines = text.split('\n');
    for (const title of TITLES) expect(lines.some((l) => l.includes(title))).toBe(true);
    expect(lines.find((l) => l.includes('Connection fails'))).toMatch(/✓ PASS/);
    expect(text).toContain(
      'example 1.0.0 · protocol 2025-06-18 · 2025 handshake only · Streamable HTTP · 1 tool · 120 ms',
    );
    expect(lines.at(-2)).toMatch(/^Healthy: 0 errors/);
    expect(text).not.toContain('Problems');
    expect(text).not.toContain('Latency');
    expect(text).not.toContain(ESC);
  });

  it('lists each failing check with its message, fix and docs, and says the run is not healthy', () => {
    const report = buildReport(noSession(response(200, '<html></html>', 'text/html')));
    const text = textSummary(report, { color: false });
    const failing = report.checks.filter((c) => c.status === 'fail' && c.severity === 'error');
    expect(failing.length).toBeGreaterThan(0);
    for (const check of failing) {
      expect(text).toContain(`${check.id}  ${check.title}`);
      expect(text).toContain(check.message);
      expect(text).toContain(`Fix: ${check.fix}`);
      expect(text).toContain(`Docs: ${check.docs}`);
    }
    expect(text.split('\n').find((l) => l.includes('Connection fails'))).toMatch(/✗ FAIL/);
    expect(text).toMatch(/Not healthy: \d+ errors?/);
  });

  it('fails on warnings only in strict mode', () => {
    const warned = transcript(listedTools([tool({ description: 'short' })]));
    const report = buildReport(warned);
    const warnings = report.checks.filter(
      (c) => c.status === 'fail' && c.severity === 'warning',
    ).length;
    expect(warnings).toBeGreaterThan(0);
    expect(textSummary(report, { color: false })).toMatch(
      new RegExp(`\\nHealthy: 0 errors, ${warnings} warnings?\\.\\n$`),
    );
    expect(
      textSummary(buildReport(withRequest(warned, { strict: true })), { color: false }),
    ).toMatch(/\nNot healthy: 0 errors, \d+ warnings? \(strict: warnings fail\)\.\n$/);
  });

  it('says which rows could not be verified, and how to verify them', () => {
    const report = buildReport(noSession(response(401, '{"error":"unauthorized"}')));
    const text = textSummary(report, { color: false });
    expect(text.split('\n').find((l) => l.includes('Tools not showing'))).toMatch(/\? UNVERIFIED/);
    expect(text).toMatch(/To verify: Sign in on the run page, or pass a bearer token/);
    expect(text).toMatch(/\nNot healthy: .*Tools not showing.* not verified\.\n$/);
  });

  it('adds a latency section when repeats were measured', () => {
    const text = textSummary({ ...buildReport(transcript()), latency }, { color: false });
    expect(text).toContain('Latency (5 samples, a new session each)');
    expect(text).toMatch(/initialize +p50 +12\.3 ms +p95 +20 ms +max +21 ms/);
    expect(text).toMatch(/tools\/list +p50 +3 ms .*1 failed/);
    expect(text).toContain('no answer in 10000 ms');
  });

  it('colours statuses when asked, and never lets remote escape sequences through', () => {
    const hostile = `evil${ESC}]0;pwned${ESC}\\${ESC}[2J\u202e`;
    // A tool the server does not list: its name is echoed in the tools.expected failure.
    const report = buildReport(withRequest(transcript(), { expectTools: [hostile] }));
    const coloured = textSummary(report, { color: true });
    expect(coloured).toContain(`${ESC}[32m✓ PASS`);
    expect(coloured).toContain('evil]0;pwned');
    // Every escape left is one of ours: a colour (SGR) sequence.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).not.toContain(ESC);
    expect(coloured).not.toContain('\u202e');
  });
});

describe('terminalSafe', () => {
  it('drops control and bidi characters and flattens line breaks', () => {
    expect(terminalSafe(`a\nb\tc${ESC}[31md\u0007\u009b\u2066e`)).toBe('a b c[31mde');
  });
});

describe('wantsColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('on a TTY %s with %j: %s', (isTTY, env, expected) => {
    expect(wantsColor(isTTY, env)).toBe(expected);
  });
});
