import { describe, expect, it } from 'vitest';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, rpcBody, transcript } from '../testing';
import check from './initialize';

const valid = {
  protocolVersion: '2025-06-18',
  capabilities: { tools: {} },
  serverInfo: { name: 'acme', version: '2.1.0' },
};
const json = (body: string) => response(200, body);

/** initialize answered with a valid result, then the handshake failed on `later`. */
const failedAfterInit = (later: Exchange, result: unknown = valid): Transcript => {
  const t = noSession(json(rpcBody(0, { result })), {
    exchanges: [later],
    error: { code: 'http-status', message: 'HTTP 500 — Error POSTing to endpoint' },
  });
  const mcp = t.mcp as NonNullable<Transcript['mcp']>;
  const [first] = mcp.attempts;
  return {
    ...t,
    mcp: {
      ...mcp,
      initializeResult: result,
      attempts: [{ ...(first as NonNullable<typeof first>), exchangeIds: ['x1', later.id] }],
    },
  };
};

const tooLarge = (() => {
  const t = noSession({
    ...json('{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"'),
    body: {
      text: '{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"',
      bytes: 4_194_305,
      truncated: true,
    },
  });
  t.exchanges = t.exchanges.map((x) => ({
    ...x,
    error: { code: 'body-too-large', message: 'response body exceeded 4194304 bytes' },
  }));
  return t;
})();

/** Legacy SSE: the GET stream announced its endpoint; the reply to the POST came on the stream. */
const sseWithReply = (reply: string): Transcript => {
  const stream = `event: endpoint\ndata: /messages?sessionId=1\n\nevent: message\ndata: ${reply}\n\n`;
  return noSession(response(405, '', ''), {
    attempts: [
      {
        url: 'https://example.com/mcp',
        transport: 'sse',
        era: 'legacy',
        guessed: false,
        ok: false,
        status: 200,
        error: { code: 'jsonrpc-error', message: 'JSON-RPC error' },
        exchangeIds: ['x2', 'x3'],
      },
    ],
    exchanges: [
      exchange({
        id: 'x2',
        request: {
          method: 'GET',
          url: 'https://example.com/mcp',
          headers: [['accept', 'text/event-stream']],
          body: null,
        },
        response: {
          ...response(200, stream, 'text/event-stream'),
          body: {
            text: stream,
            bytes: stream.length,
            truncated: false,
            events: [
              { event: 'endpoint', data: '/messages?sessionId=1' },
              { event: 'message', data: reply },
            ],
          },
        },
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
        response: response(202, 'Accepted', 'text/plain'),
      }),
    ],
  });
};

describe('connection.initialize', () => {
  it.each([
    { name: 'a valid result', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'a JSON-RPC error',
      t: noSession(
        json(rpcBody(0, { error: { code: -32602, message: 'Invalid params: protocolVersion' } })),
      ),
      status: 'fail',
      code: 'jsonrpc-error',
      evidence: ['x1'],
    },
    {
      name: 'a JSON-RPC error on the legacy SSE stream',
      t: sseWithReply(rpcBody(0, { error: { code: -32603, message: 'boom' } })),
      status: 'fail',
      code: 'jsonrpc-error',
      evidence: ['x2'],
    },
    {
      name: 'a result without serverInfo',
      t: noSession(
        json(rpcBody(0, { result: { protocolVersion: '2025-06-18', capabilities: {} } })),
      ),
      status: 'fail',
      code: 'invalid-result',
      evidence: ['x1'],
    },
    {
      name: 'a body that is not JSON',
      t: noSession(json('<html>oops</html>')),
      status: 'fail',
      code: 'not-json',
      evidence: ['x1'],
    },
    {
      name: 'an empty body',
      t: noSession(json('')),
      status: 'fail',
      code: 'empty',
      evidence: ['x1'],
    },
    {
      name: 'JSON without the reply',
      t: noSession(json(rpcBody(7, { result: valid }))),
      status: 'fail',
      code: 'no-reply',
      evidence: ['x1'],
    },
    {
      name: 'an oversized body',
      t: tooLarge,
      status: 'fail',
      code: 'body-too-large',
      evidence: ['x1'],
    },
    {
      name: 'a request refused by policy',
      t: noSession(null, {
        error: {
          code: 'blocked-by-policy',
          message: 'POST https://example.com/mcp: 10.0.0.5 is a private address',
        },
      }),
      status: 'fail',
      code: 'no-answer',
      evidence: ['x1'],
    },
    {
      name: 'a valid result, then notifications/initialized failed',
      t: failedAfterInit(
        exchange({
          id: 'x2',
          rpc: { method: 'notifications/initialized' },
          response: response(500, 'boom', 'text/plain'),
        }),
      ),
      status: 'fail',
      code: 'handshake-failed',
      evidence: ['x2'],
    },
    {
      name: 'a valid result, then the session was lost (connection.session owns it)',
      t: failedAfterInit(
        exchange({
          id: 'x2',
          rpc: { method: 'notifications/initialized' },
          request: {
            method: 'POST',
            url: 'https://example.com/mcp',
            headers: [['mcp-session-id', 'abc']],
            body: null,
          },
          response: response(404, 'Session not found', 'text/plain'),
        }),
      ),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'a version the client refused (connection.protocol-version owns it)',
      t: failedAfterInit(exchange({ id: 'x2', rpc: { method: 'notifications/cancelled' } }), {
        ...valid,
        protocolVersion: '2099-01-01',
      }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'timed out (connection.latency owns it)',
      t: noSession(null, { error: { code: 'timeout', message: 'no answer in 10000 ms' } }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'refused (connection.tcp owns it)',
      t: noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'a 404 (connection.status owns it)',
      t: noSession(response(404, 'Not Found', 'text/plain')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'an HTML page (connection.content-type owns it)',
      t: noSession(response(200, '<html></html>', 'text/html')),
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

  it('shows the JSON-RPC error', () => {
    const result = runCheck(
      check,
      noSession(
        json(rpcBody(0, { error: { code: -32602, message: 'Invalid params: protocolVersion' } })),
      ),
    );
    expect(result.message).toBe(
      'initialize returned JSON-RPC error -32602: Invalid params: protocolVersion.',
    );
  });

  it('lists each schema issue by path', () => {
    const result = runCheck(
      check,
      noSession(
        json(
          rpcBody(0, {
            result: {
              protocolVersion: 20250618,
              capabilities: {},
              serverInfo: { name: 'x', version: '1' },
            },
          }),
        ),
      ),
    );
    expect(result.items.map((i) => i.subject)).toEqual(['protocolVersion']);
    expect(result.message).toContain('protocolVersion:');
  });

  it('shows the parse error and the start of the body', () => {
    const result = runCheck(check, noSession(json('<html>oops</html>')));
    expect(result.message).toMatch(
      /^The answer to initialize is not JSON \(.+\): "<html>oops<\/html>"\.$/,
    );
  });
});
