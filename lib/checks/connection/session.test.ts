import { describe, expect, it } from 'vitest';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, rpcBody, transcript } from '../testing';
import check from './session';

const withSession = (...later: Exchange[]): Transcript => {
  const t = transcript();
  const mcp = t.mcp as NonNullable<Transcript['mcp']>;
  const init = t.exchanges[0] as Exchange;
  const initAnswer = init.response as NonNullable<Exchange['response']>;
  return {
    ...t,
    mcp: { ...mcp, sessionId: 's-1' },
    exchanges: [
      {
        ...init,
        response: { ...initAnswer, headers: [...initAnswer.headers, ['mcp-session-id', 's-1']] },
      },
      ...later,
    ],
  };
};
const post = (
  id: string,
  method: string,
  headers: [string, string][],
  answer: NonNullable<Exchange['response']>,
) =>
  exchange({
    id,
    step: 'tools',
    rpc: { method, id: 1 },
    request: { method: 'POST', url: 'https://example.com/mcp', headers, body: null },
    response: answer,
  });

const sessionHeaders: [string, string][] = [
  ['mcp-session-id', 's-1'],
  ['mcp-protocol-version', '2025-06-18'],
];

/** The session vanished on `notifications/initialized`: the SDK gave up on the handshake. */
const lostAtOnce = (() => {
  const initAnswer = {
    ...response(200, rpcBody(0, { result: {} })),
    headers: [
      ['content-type', 'application/json'],
      ['mcp-session-id', 's-1'],
    ] as [string, string][],
  };
  const t = noSession(initAnswer, {
    exchanges: [
      exchange({
        id: 'x2',
        rpc: { method: 'notifications/initialized' },
        request: {
          method: 'POST',
          url: 'https://example.com/mcp',
          headers: sessionHeaders,
          body: null,
        },
        response: response(404, 'Session not found', 'text/plain'),
      }),
    ],
  });
  const mcp = t.mcp as NonNullable<Transcript['mcp']>;
  return {
    ...t,
    mcp: { ...mcp, attempts: mcp.attempts.map((a) => ({ ...a, exchangeIds: ['x1', 'x2'] })) },
  };
})();

describe('connection.session', () => {
  it.each([
    { name: 'a stateless server', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'a session that holds',
      t: withSession(
        post(
          'x3',
          'tools/list',
          sessionHeaders,
          response(200, rpcBody(1, { result: { tools: [] } })),
        ),
      ),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'tools/list with the session id gets 404',
      t: withSession(
        post('x3', 'tools/list', sessionHeaders, response(404, 'Session not found', 'text/plain')),
      ),
      status: 'fail',
      code: 'session-lost',
      evidence: ['x3'],
    },
    {
      name: 'tools/list with the session id gets 400',
      t: withSession(
        post(
          'x3',
          'tools/list',
          sessionHeaders,
          response(
            400,
            rpcBody(1, {
              error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
            }),
          ),
        ),
      ),
      status: 'fail',
      code: 'session-lost',
      evidence: ['x3'],
    },
    {
      name: 'notifications/initialized with the session id gets 404',
      t: lostAtOnce,
      status: 'fail',
      code: 'session-lost',
      evidence: ['x2'],
    },
    {
      name: 'MCP-Protocol-Version refused',
      t: transcript({
        exchanges: [
          ...transcript().exchanges,
          post(
            'x4',
            'tools/list',
            [['mcp-protocol-version', '2025-06-18']],
            response(400, 'Bad Request: Unsupported protocol version: 2025-06-18', 'text/plain'),
          ),
        ],
      }),
      status: 'fail',
      code: 'protocol-version-rejected',
      evidence: ['x4'],
    },
    {
      name: 'a 404 on the optional GET stream is not a lost session',
      t: withSession(
        exchange({
          id: 'x3',
          request: {
            method: 'GET',
            url: 'https://example.com/mcp',
            headers: sessionHeaders,
            body: null,
          },
          response: response(404, 'Cannot GET /mcp', 'text/plain'),
        }),
      ),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'initialize got a 404',
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

  it('names the request and the status, not the session id', () => {
    const result = runCheck(
      check,
      withSession(
        post('x3', 'tools/list', sessionHeaders, response(404, 'Session not found', 'text/plain')),
      ),
    );
    expect(result.message).toContain(
      'tools/list with the Mcp-Session-Id issued on initialize got HTTP 404',
    );
    expect(result.message).not.toContain('s-1');
  });
});
