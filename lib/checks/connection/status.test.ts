import { describe, expect, it } from 'vitest';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, failedAt, noSession, response, rpcBody, transcript } from '../testing';
import check from './status';

type Attempt = NonNullable<Transcript['mcp']>['attempts'][number];
const attempt = (overrides: Partial<Attempt>): Attempt => ({
  url: 'https://example.com/mcp',
  transport: 'sse',
  era: 'legacy',
  guessed: false,
  ok: false,
  status: null,
  error: null,
  exchangeIds: [],
  ...overrides,
});
const get = (
  id: string,
  answer: NonNullable<Exchange['response']>,
  url = 'https://example.com/mcp',
) =>
  exchange({
    id,
    request: { method: 'GET', url, headers: [['accept', 'text/event-stream']], body: null },
    response: answer,
  });
const withHeader = (answer: NonNullable<Exchange['response']>, header: [string, string]) => ({
  ...answer,
  headers: [...answer.headers, header],
});

/** Given https://example.com/ → 404 on POST and on the SSE GET; the guessed /mcp opens a session. */
const wrongPath = (() => {
  const t = noSession(response(404, 'Cannot POST /', 'text/plain'), {
    attempts: [
      attempt({ url: 'https://example.com/', status: 404, exchangeIds: ['x2'] }),
      attempt({
        url: 'https://example.com/mcp',
        transport: 'streamable-http',
        era: 'legacy',
        guessed: true,
        ok: true,
        exchangeIds: ['x3', 'x4'],
      }),
    ],
    exchanges: [
      get('x2', response(404, 'Cannot GET /', 'text/plain'), 'https://example.com/'),
      exchange({ id: 'x3', rpc: { method: 'initialize', id: 0 } }),
      exchange({
        id: 'x4',
        rpc: { method: 'notifications/initialized' },
        response: response(202, '', ''),
      }),
    ],
  });
  t.target = { ...t.target, url: 'https://example.com/' };
  t.exchanges = t.exchanges.map((x) =>
    x.id === 'x1' ? { ...x, request: { ...x.request, url: 'https://example.com/' } } : x,
  );
  return t;
})();

/** A legacy SSE server: the stream opened, then the POST to its endpoint failed with 500. */
const ssePostFails = noSession(response(405, '', ''), {
  attempts: [attempt({ status: 200, exchangeIds: ['x2', 'x3'] })],
  exchanges: [
    get('x2', {
      ...response(200, 'event: endpoint\ndata: /messages?sessionId=1\n\n', 'text/event-stream'),
    }),
    exchange({
      id: 'x3',
      rpc: { method: 'initialize', id: 0 },
      request: {
        method: 'POST',
        url: 'https://example.com/messages?sessionId=1',
        headers: [],
        body: null,
      },
      response: response(500, 'Internal Server Error', 'text/plain'),
    }),
  ],
});

describe('connection.status', () => {
  it.each([
    { name: 'a 200', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: '404 on the given path, /mcp answers',
      t: wrongPath,
      status: 'fail',
      code: 'not-found',
      evidence: ['x1', 'x2', 'x3'],
    },
    {
      name: '405',
      t: noSession(response(405, '', '')),
      status: 'fail',
      code: 'method-not-allowed',
      evidence: ['x1'],
    },
    {
      name: '500',
      t: noSession(response(500, 'Internal Server Error', 'text/plain')),
      status: 'fail',
      code: 'server-error',
      evidence: ['x1'],
    },
    {
      name: '502 from a proxy',
      t: noSession(response(502, '<html>Bad Gateway</html>', 'text/html')),
      status: 'fail',
      code: 'server-error',
      evidence: ['x1'],
    },
    {
      name: '400 with a JSON-RPC error',
      t: noSession(
        response(
          400,
          rpcBody(0, {
            error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
          }),
        ),
      ),
      status: 'fail',
      code: 'bad-request',
      evidence: ['x1'],
    },
    {
      name: '403',
      t: noSession(response(403, 'Forbidden', 'text/plain')),
      status: 'fail',
      code: 'forbidden',
      evidence: ['x1'],
    },
    {
      name: '418',
      t: noSession(response(418, '', '')),
      status: 'fail',
      code: 'http-error',
      evidence: ['x1'],
    },
    {
      name: 'a legacy SSE server whose POST failed',
      t: ssePostFails,
      status: 'fail',
      code: 'server-error',
      evidence: ['x3'],
    },
    {
      name: 'a tunnel error page (connection.tunnel owns it)',
      t: noSession(response(404, 'ERR_NGROK_3200', 'text/html')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'a redirect (connection.redirect owns it)',
      t: noSession({ ...response(301, '', ''), headers: [['location', '/mcp/']] }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: '401 (the Auth row owns it)',
      t: noSession(withHeader(response(401, '', ''), ['www-authenticate', 'Bearer'])),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'a 2026-07-28-only server (connection.protocol-era owns it)',
      t: noSession(
        response(
          400,
          rpcBody(0, {
            error: {
              code: -32022,
              message: 'Unsupported protocol version',
              data: { supported: ['2026-07-28'], requested: '2025-11-25' },
            },
          }),
        ),
      ),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'no HTTP answer',
      t: noSession(null, { error: { code: 'timeout', message: 'no answer in 10000 ms' } }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'DNS failed',
      t: failedAt(
        'dns',
        { code: 'dns-not-found', message: 'ENOTFOUND' },
        { mcp: null, exchanges: [] },
      ),
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

  it('says which guessed URL answers MCP', () => {
    const result = runCheck(check, wrongPath);
    expect(result.message).toBe(
      'POST https://example.com/ answered HTTP 404 ("Cannot POST /"); the legacy SSE GET answered HTTP 404 too — https://example.com/mcp answers MCP: use that URL.',
    );
    expect(result.fix).toContain('Use https://example.com/mcp');
  });

  it('quotes the JSON-RPC error the server sent', () => {
    const t = noSession(
      response(
        400,
        rpcBody(0, {
          error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
        }),
      ),
    );
    expect(runCheck(check, t).message).toContain('"Bad Request: No valid session ID provided"');
  });
});
