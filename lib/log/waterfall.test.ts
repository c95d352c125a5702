import { describe, expect, it } from 'vitest';
import { exchange, response } from '@/lib/checks/testing';
import { MIN_WIDTH_PCT, runSpan, shortPath, waterfall } from './waterfall';

describe('waterfall', () => {
  const log = [
    exchange({ id: 'a', startedAt: 0, durationMs: 100 }),
    exchange({ id: 'b', startedAt: 100, durationMs: 300 }),
    exchange({ id: 'c', startedAt: 350, durationMs: 50, response: response(500, 'x') }),
    exchange({
      id: 'd',
      startedAt: 400,
      durationMs: null,
      response: null,
      error: { code: 'timeout', message: 't' },
    }),
  ];

  it('spans from run start to the end of the last exchange', () => {
    expect(runSpan(log)).toBe(400);
    expect(runSpan([])).toBe(1);
  });

  it('places bars by start and sizes them by duration', () => {
    const [a, b, c] = waterfall(log);
    expect(a).toMatchObject({ id: 'a', offsetPct: 0, widthPct: 25, failed: false });
    expect(b).toMatchObject({ offsetPct: 25, widthPct: 75 });
    expect(c).toMatchObject({ offsetPct: 87.5, widthPct: 12.5, failed: true });
  });

  it('keeps instant and unfinished bars visible and inside the track', () => {
    const d = waterfall(log)[3]!;
    expect(d.failed).toBe(true);
    expect(d.widthPct).toBe(MIN_WIDTH_PCT);
    expect(d.offsetPct + d.widthPct).toBeLessThanOrEqual(100);
  });

  it('does not mark an expected refusal as failed', () => {
    const [get] = waterfall([
      exchange({
        request: { method: 'GET', url: 'https://example.com/mcp', headers: [], body: null },
        response: response(405, ''),
      }),
    ]);
    expect(get!.failed).toBe(false);
  });

  it('clamps bars that run past a given span', () => {
    const [bar] = waterfall([exchange({ startedAt: 80, durationMs: 500 })], 100);
    expect(bar!.offsetPct).toBe(80);
    expect(bar!.widthPct).toBe(20);
  });

  it('labels with the path and query', () => {
    expect(shortPath('https://example.com/mcp?x=1')).toBe('/mcp?x=1');
    expect(shortPath('not a url')).toBe('not a url');
  });
});
