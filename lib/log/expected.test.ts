import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/report/schema';
import { exchangeOutcome } from './expected';

const exchange = (over: Partial<Exchange> & { status?: number | null }): Exchange => {
  const { status = 200, ...rest } = over;
  return {
    id: 'x1',
    step: 'initialize',
    startedAt: 0,
    durationMs: 5,
    request: { method: 'POST', url: 'https://example.com/mcp', headers: [], body: null },
    response: status === null ? null : { status, statusText: '', headers: [], body: null },
    error: null,
    ...rest,
  };
};

describe('exchangeOutcome', () => {
  it.each([
    ['a 2xx', exchange({}), 'ok'],
    ['a 500', exchange({ status: 500 }), 'failed'],
    ['a 401 without a challenge', exchange({ status: 401 }), 'failed'],
    ['a 405 to a POST', exchange({ status: 405 }), 'failed'],
    [
      'a 401 to a request that carried a token',
      exchange({
        status: 401,
        request: {
          method: 'POST',
          url: 'https://example.com/mcp',
          headers: [['authorization', '[redacted]']],
          body: null,
        },
        response: {
          status: 401,
          statusText: '',
          headers: [['WWW-Authenticate', 'Bearer']],
          body: null,
        },
      }),
      'failed',
    ],
    [
      'a timeout',
      exchange({ status: null, error: { code: 'timeout', message: 'POST: timed out' } }),
      'failed',
    ],
  ])('%s is %s', (_name, x, kind) => {
    expect(exchangeOutcome(x).kind).toBe(kind);
  });

  it.each([
    [
      'the GET stream refused with 405',
      exchange({
        status: 405,
        request: { method: 'GET', url: 'https://example.com/mcp', headers: [], body: null },
      }),
    ],
    [
      'the stream MCP Doctor closed',
      exchange({
        status: 200,
        error: { code: 'aborted', message: 'closed by MCP Doctor at the end of the run' },
      }),
    ],
    [
      'the challenge before sign-in',
      exchange({
        response: {
          status: 401,
          statusText: '',
          headers: [['WWW-Authenticate', 'Bearer resource_metadata="…"']],
          body: null,
        },
      }),
    ],
    ['a negotiation variant refused', exchange({ step: 'negotiation', status: 406 })],
    ['a conformance refusal', exchange({ step: 'eras', status: 404 })],
    [
      'a foreign Origin refused, as a local server should',
      exchange({ step: 'exposure', status: 403 }),
    ],
    [
      'server/discover refused by a 2025 server',
      exchange({ status: 400, rpc: { method: 'server/discover' } }),
    ],
  ])('%s is expected, with why', (_name, x) => {
    const outcome = exchangeOutcome(x);
    expect(outcome.kind).toBe('expected');
    expect(outcome.kind === 'expected' && outcome.why.length).toBeGreaterThan(10);
  });
});
