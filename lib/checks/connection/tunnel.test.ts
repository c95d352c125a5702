import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, failedAt, noSession, response, transcript } from '../testing';
import check from './tunnel';

const page = (
  status: number,
  text: string,
  ...headers: [string, string][]
): NonNullable<Exchange['response']> => {
  const base = response(status, text, 'text/html');
  return { ...base, headers: [...base.headers, ...headers] };
};

/** The SSE fallback's GET, answered by the same tunnel page. */
const sseFallback = (answer: NonNullable<Exchange['response']>) => ({
  attempts: [
    {
      url: 'https://example.com/mcp',
      transport: 'sse' as const,
      era: 'legacy' as const,
      guessed: false,
      ok: false,
      status: answer.status,
      error: null,
      exchangeIds: ['x2'],
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
      response: answer,
    }),
  ],
});

const ngrokOffline = page(
  404,
  '<html><body>The endpoint abc.ngrok-free.app is offline. ERR_NGROK_3200</body></html>',
  ['ngrok-error-code', 'ERR_NGROK_3200'],
);

describe('connection.tunnel', () => {
  it.each([
    { name: 'a healthy server', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'ngrok endpoint offline (404 on POST and on the SSE GET)',
      t: noSession(ngrokOffline, sseFallback(ngrokOffline)),
      status: 'fail',
      code: 'ngrok',
      evidence: ['x1', 'x2'],
    },
    {
      name: 'ngrok upstream refused',
      t: noSession(
        page(
          502,
          'Traffic was successfully tunneled to the ngrok agent, but the agent failed to establish a connection to the upstream web service at localhost:3000. ERR_NGROK_8012',
        ),
      ),
      status: 'fail',
      code: 'ngrok',
      evidence: ['x1'],
    },
    {
      name: 'ngrok browser warning',
      t: noSession(page(200, '<title>ngrok</title> You are about to visit … ERR_NGROK_6024')),
      status: 'fail',
      code: 'ngrok',
      evidence: ['x1'],
    },
    {
      name: 'an ngrok code only in the header',
      t: noSession(page(502, '', ['ngrok-error-code', 'ERR_NGROK_3004'])),
      status: 'fail',
      code: 'ngrok',
      evidence: ['x1'],
    },
    {
      name: 'Cloudflare Tunnel not connected (1033)',
      t: noSession(
        page(
          530,
          '<title>Cloudflare Tunnel error | example.com | Cloudflare</title> Error 1033',
          ['server', 'cloudflare'],
          ['cf-ray', '8f00-AMS'],
        ),
      ),
      status: 'fail',
      code: 'cloudflare-tunnel',
      evidence: ['x1'],
    },
    {
      name: 'Cloudflare origin DNS error (1016)',
      t: noSession(page(530, 'error code: 1016', ['cf-ray', '8f00-AMS'])),
      status: 'fail',
      code: 'cloudflare-tunnel',
      evidence: ['x1'],
    },
    {
      name: 'a plain Cloudflare 502 without a tunnel code',
      t: noSession(page(502, 'Bad gateway', ['server', 'cloudflare'])),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'localtunnel reminder page',
      t: (() => {
        const t = noSession(page(511, '<title>localtunnel</title> Friendly Reminder'));
        t.exchanges = t.exchanges.map((x) => ({
          ...x,
          request: { ...x.request, url: 'https://quick-fox-42.loca.lt/mcp' },
        }));
        return t;
      })(),
      status: 'fail',
      code: 'localtunnel',
      evidence: ['x1'],
    },
    {
      name: 'a 503 from a host that is not localtunnel',
      t: noSession(page(503, 'Service Unavailable')),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'no HTTP answer',
      t: noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
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

  it('names the code and what it means', () => {
    const result = runCheck(check, noSession(ngrokOffline));
    expect(result.message).toContain('ngrok answered ERR_NGROK_3200 (HTTP 404)');
    expect(result.message).toContain('offline');
    expect(result.fix).toContain('https://ngrok.com/docs/errors/err_ngrok_3200');
  });
});
