import type { ProbeErrorData } from '@/lib/report/schema-base';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { noSession, transcript } from '../testing';
import check from './latency';

/** The healthy run, with notifications/initialized sent `initMs` after initialize and tools/list taking `toolsMs`. */
const timed = (
  initMs: number,
  toolsMs: number,
  toolsError: ProbeErrorData | null = null,
): Transcript => {
  const t = transcript();
  const listing = t.listing as NonNullable<Transcript['listing']>;
  return {
    ...t,
    exchanges: t.exchanges.map((x) => (x.id === 'x2' ? { ...x, startedAt: initMs } : x)),
    listing: {
      ...listing,
      pages: listing.pages.map((p) => ({ ...p, durationMs: toolsMs, error: toolsError })),
    },
  };
};

describe('connection.latency', () => {
  it.each([
    {
      name: 'fast',
      t: timed(40, 30),
      status: 'pass',
      code: null,
      severity: 'warning',
      evidence: [],
    },
    {
      name: 'initialize 4.2 s',
      t: timed(4200, 30),
      status: 'fail',
      code: 'slow',
      severity: 'warning',
      evidence: ['x1'],
    },
    {
      name: 'tools/list 12 s',
      t: timed(40, 12_000),
      status: 'fail',
      code: 'very-slow',
      severity: 'error',
      evidence: ['x3'],
    },
    {
      name: 'tools/list timed out',
      t: timed(40, 10_001, {
        code: 'timeout',
        message: 'tools/list https://example.com/mcp: no answer in 10000 ms',
      }),
      status: 'fail',
      code: 'timeout',
      severity: 'error',
      evidence: ['x3'],
    },
    {
      name: 'initialize timed out',
      t: noSession(null, {
        error: {
          code: 'timeout',
          message: 'initialize https://example.com/mcp (Streamable HTTP): no answer in 10000 ms',
        },
      }),
      status: 'fail',
      code: 'timeout',
      severity: 'error',
      evidence: ['x1'],
    },
    {
      name: 'no HTTP answer to time',
      t: noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
      status: 'skipped',
      code: null,
      severity: 'warning',
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, severity, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe(severity);
    expect(result.evidence).toEqual(evidence);
  });

  it('names the method and its time', () => {
    expect(runCheck(check, timed(4200, 30)).message).toBe('initialize took 4.2 s.');
    expect(runCheck(check, timed(4200, 12_000)).message).toBe('tools/list took 12.0 s (+1 more).');
    expect(runCheck(check, timed(40, 30)).message).toBe('initialize 40 ms, tools/list 30 ms');
  });
});
