import { describe, expect, it } from 'vitest';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, rpcBody, transcript } from '../testing';
import check from './content-type';

type Attempt = NonNullable<Transcript['mcp']>['attempts'][number];
const sseAttempt = (exchangeIds: string[], ok = false): Attempt => ({
  url: 'https://example.com/mcp',
  transport: 'sse',
  era: 'legacy',
  guessed: false,
  ok,
  status: 200,
  error: null,
  exchangeIds,
});
const get = (id: string, answer: NonNullable<Exchange['response']>) =>
  exchange({
    id,
    request: {
      method: 'GET',
      url: 'https://example.com/mcp',
      headers: [['accept', 'text/event-stream']],
      body: null,
    },
    response: answer,
  });

const spa =
  '<!doctype html><html><head><title>Acme Dashboard</title></head><body><div id="root"></div></body></html>';

describe('connection.content-type', () => {
  it.each([
    { name: 'application/json', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'application/json with a charset',
      t: noSession(response(200, '{', 'application/json; charset=utf-8')),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'text/event-stream',
      t: noSession(response(200, 'event: message\ndata: {}\n\n', 'text/event-stream')),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'an HTML page',
      t: noSession(response(200, spa, 'text/html; charset=utf-8')),
      status: 'fail',
      code: 'html',
      evidence: ['x1'],
    },
    {
      name: 'plain text',
      t: noSession(response(200, 'OK', 'text/plain')),
      status: 'fail',
      code: 'unexpected-type',
      evidence: ['x1'],
    },
    {
      name: 'no Content-Type',
      t: noSession(response(202, '', '')),
      status: 'fail',
      code: 'missing-type',
      evidence: ['x1'],
    },
    {
      name: 'POST refused, the SSE GET serves a web page',
      t: noSession(response(405, '', ''), {
        attempts: [sseAttempt(['x2'])],
        exchanges: [get('x2', response(200, spa, 'text/html'))],
      }),
      status: 'fail',
      code: 'html',
      evidence: ['x2'],
    },
    {
      name: 'a 404 (connection.status owns it)',
      t: noSession(response(404, spa, 'text/html')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'an ngrok browser warning (connection.tunnel owns it)',
      t: noSession(response(200, '<html>ERR_NGROK_6024</html>', 'text/html')),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'no HTTP answer',
      t: noSession(null, { error: { code: 'connection-reset', message: 'ECONNRESET' } }),
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

  it('names what answered', () => {
    const result = runCheck(check, noSession(response(200, spa, 'text/html')));
    expect(result.message).toBe(
      'POST https://example.com/mcp answered HTTP 200 with an HTML page titled "Acme Dashboard", not application/json or text/event-stream.',
    );
  });

  it('points to a guessed URL that answers MCP', () => {
    const t = noSession(response(200, spa, 'text/html'), {
      attempts: [
        {
          url: 'https://example.com/mcp/mcp',
          transport: 'streamable-http',
          era: 'legacy',
          guessed: true,
          ok: true,
          status: null,
          error: null,
          exchangeIds: ['x2'],
        },
      ],
      exchanges: [exchange({ id: 'x2', rpc: { method: 'initialize', id: 0 } })],
    });
    const result = runCheck(check, t);
    expect(result.message).toContain('https://example.com/mcp/mcp answers MCP: use that URL');
    expect(result.fix).toBe('Use https://example.com/mcp/mcp: it answers MCP.');
  });

  it('names the check that owns a non-success answer', () => {
    const modern = noSession(
      response(
        400,
        rpcBody(0, { error: { code: -32020, message: 'Missing MCP-Protocol-Version' } }),
      ),
    );
    expect(runCheck(check, modern).message).toContain('(see connection.protocol-era)');
    expect(runCheck(check, noSession(response(404, '', ''))).message).toContain(
      '(see connection.status)',
    );
  });
});
