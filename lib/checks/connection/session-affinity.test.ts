import { describe, expect, it } from 'vitest';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, rpcBody, transcript } from '../testing';
import check from './session-affinity';
import session from './session';

const SESSION: [string, string][] = [
  ['mcp-session-id', 's-1'],
  ['mcp-protocol-version', '2025-06-18'],
];

/** A run whose initialize issued session s-1 (with these extra answer headers), then `later`. */
function withSession(later: Exchange[], initHeaders: [string, string][] = []): Transcript {
  const t = transcript();
  const [init] = t.exchanges as [Exchange];
  const answer = init.response as NonNullable<Exchange['response']>;
  return {
    ...t,
    mcp: { ...(t.mcp as NonNullable<Transcript['mcp']>), sessionId: 's-1' },
    exchanges: [
      {
        ...init,
        response: {
          ...answer,
          headers: [...answer.headers, ['mcp-session-id', 's-1'], ...initHeaders],
        },
      },
      ...later,
    ],
  };
}

/** The affinity step's pings, answered with these statuses in order. */
const pings = (...statuses: number[]): Exchange[] =>
  statuses.map((status, i) =>
    exchange({
      id: `xp${i + 1}`,
      step: 'affinity',
      rpc: { method: 'ping', id: `mcp-doctor-affinity-${i + 1}` },
      request: { method: 'POST', url: 'https://example.com/mcp', headers: SESSION, body: null },
      response:
        status === 200
          ? response(200, rpcBody(`mcp-doctor-affinity-${i + 1}`, { result: {} }))
          : response(status, 'Session not found', 'text/plain'),
    }),
  );

describe('connection.session-affinity', () => {
  it.each([
    {
      name: 'a stateless server',
      t: transcript(),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'five pings, all kept',
      t: withSession(pings(200, 200, 200, 200, 200)),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'replicas behind round robin: kept, lost, kept, lost, kept',
      t: withSession(pings(200, 404, 200, 404, 200)),
      status: 'fail',
      code: 'lost-sometimes',
      evidence: ['xp1', 'xp2', 'xp3', 'xp4', 'xp5'],
    },
    {
      name: 'lost on the first ping, back on the second',
      t: withSession(pings(400, 200)),
      status: 'fail',
      code: 'lost-sometimes',
      evidence: ['xp1', 'xp2'],
    },
    {
      name: 'never kept (connection.session owns it)',
      t: withSession(pings(404, 404, 404, 404, 404)),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'kept, then lost for good (connection.session owns it)',
      t: withSession(pings(200, 200, 404, 404, 404)),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'initialize not answered',
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

  it('one owner per cause: connection.session steps aside for an intermittent loss, and owns a permanent one', () => {
    const intermittent = withSession(pings(200, 404, 200));
    expect(runCheck(session, intermittent)).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'connection.session-affinity' },
    });
    const never = withSession(pings(404, 404, 404));
    expect(runCheck(session, never)).toMatchObject({ status: 'fail', code: 'session-lost' });
    expect(runCheck(check, never).skip).toMatchObject({ owner: 'connection.session' });
  });

  it('counts what was kept and lost, and names the affinity cookie the clients do not send back', () => {
    const result = runCheck(
      check,
      withSession(pings(200, 404, 200, 404, 200), [
        ['set-cookie', 'AWSALB=[redacted]'],
        ['set-cookie', 'theme=[redacted]'],
      ]),
    );
    expect(result.message).toBe(
      'Of 5 requests with the session issued on initialize, 3 reached an instance that knew it and 2 did not (ping got HTTP 404), and the session came back after it was lost: instances behind a load balancer do not share sessions. The answers set AWSALB (AWS Application Load Balancer stickiness): cookie stickiness is on, but most MCP clients send no cookies back (mcp-remote does), so it cannot hold their session.',
    );
    expect(result.message).not.toContain('s-1');
    expect(result.items[1]).toEqual({
      subject: 'ping (xp2)',
      detail: 'HTTP 404: session not found',
      evidence: ['xp2'],
    });
  });
});
