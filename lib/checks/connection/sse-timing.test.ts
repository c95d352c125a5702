import { describe, expect, it } from 'vitest';
import type { Exchange, StreamTiming, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, transcript } from '../testing';
import check from './sse-timing';

const PRIMING = 'id: p0\ndata: \n\n';
const RESULT = 'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"tools":[]}}\n\n';

/** tools/list answered with an event stream whose events arrived at `atMs`. */
function streamed(
  atMs: number[],
  options: { headers?: [string, string][]; timing?: boolean } = {},
): Exchange {
  const base = response(200, `${PRIMING}${RESULT}`, 'text/event-stream');
  const stream: StreamTiming = {
    firstByteMs: atMs[0] ?? null,
    lastByteMs: atMs.at(-1) ?? null,
    events: atMs.map((at, index) => ({ index, atMs: at })),
    eventCount: atMs.length,
  };
  return exchange({
    id: 'xs',
    step: 'tools',
    rpc: { method: 'tools/list', id: 1 },
    response: {
      ...base,
      headers: [...base.headers, ...(options.headers ?? [])],
      body: base.body && {
        ...base.body,
        events: [
          { event: 'message', id: 'p0', data: '' },
          { event: 'message', data: '{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}' },
        ],
      },
      ...(options.timing === false ? {} : { stream }),
    },
  });
}

const run = (x: Exchange): Transcript =>
  transcript({ exchanges: [...transcript().exchanges.filter((e) => e.id !== 'x3'), x] });

describe('connection.sse-timing', () => {
  it.each([
    {
      name: 'JSON answers only',
      t: transcript(),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'the priming event at once, the result a second later',
      t: run(streamed([4, 1_004])),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'both events together, after a second: held back',
      t: run(streamed([1_003, 1_004])),
      status: 'fail',
      code: 'buffered',
      evidence: ['xs'],
    },
    {
      name: 'a quick stream says nothing about buffering',
      t: run(streamed([120, 121])),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'a single late event says nothing either',
      t: run(streamed([2_000])),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'events on time, compressed',
      t: run(streamed([4, 1_004], { headers: [['content-encoding', 'gzip']] })),
      status: 'fail',
      code: 'compressed',
      evidence: ['xs'],
    },
    {
      name: 'a stream recorded before timing was kept',
      t: run(streamed([], { timing: false })),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'no session',
      t: noSession(response(404, '', '')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.evidence).toEqual(evidence);
  });

  it('names the burst and the priming event that should have come at once', () => {
    const result = runCheck(
      check,
      run(streamed([1_003, 1_004], { headers: [['content-encoding', 'br']] })),
    );
    expect(result.severity).toBe('warning');
    expect(result.message).toBe(
      '1 of 1 event stream arrived all at once at the end: tools/list sent 2 events, the first after 1.0 s and the last after 1.0 s, the priming event (which a server sends at once) among them, compressed with br. A proxy on the way holds the stream back, or the server writes it only when complete.',
    );
  });

  it('reports the time to the first byte and to the last event when nothing was held back', () => {
    expect(runCheck(check, run(streamed([4, 1_004]))).message).toBe(
      '1 event stream: first byte within 4 ms, last event within 1.0 s, none held back',
    );
  });

  it('notes compression as information', () => {
    const result = runCheck(
      check,
      run(streamed([4, 1_004], { headers: [['content-encoding', 'gzip']] })),
    );
    expect(result.severity).toBe('info');
    expect(result.message).toContain('content-encoding: gzip');
  });
});
