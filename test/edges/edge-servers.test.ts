import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_FIXTURES, edgeFixture, fixtureExchange } from '@/lib/edges/fixtures';
import { identifyEdge } from '@/lib/edges/identify';
import type { Exchange } from '@/lib/report/schema';
import { serveEdgeFixtures } from '../fixtures/edge-servers';
import type { Running } from '../fixtures/servers';

/** What the probe would record for a real answer: method, URL, headers as received, the body. */
async function exchangeOver(url: string, method = 'POST'): Promise<Exchange> {
  const requestHeaders: [string, string][] = [
    ['accept', 'application/json, text/event-stream'],
    ['content-type', 'application/json'],
  ];
  const res = await fetch(url, {
    method,
    headers: requestHeaders,
    body:
      method === 'POST' ? '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}' : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  return {
    id: 'x1',
    step: 'initialize',
    startedAt: 0,
    durationMs: 1,
    request: { method, url, headers: requestHeaders, body: null },
    response: {
      status: res.status,
      statusText: res.statusText,
      headers: [...res.headers],
      body: { text, bytes: Buffer.byteLength(text), truncated: false },
    },
    error: null,
  };
}

let server: Running;
beforeAll(async () => {
  server = await serveEdgeFixtures();
});
afterAll(() => server.close());

describe('edge fixtures over real HTTP on loopback', () => {
  it.each([
    ['cloudflare-challenge', 'cloudflare-challenge', 'cf-mitigated: challenge'],
    [
      'vercel-authentication--redirect',
      'vercel-authentication',
      'location: https://vercel.com/sso-api?url=https%3A%2F%2Fmcp-app-git-preview-acme.vercel.app%2Fmcp&nonce=4f1c2d3e',
    ],
    [
      'azure-app-service-auth',
      'azure-app-service-auth',
      'location: /.auth/login/aad?post_login_redirect_uri=%2Fmcp',
    ],
    [
      'aws-api-gateway-missing-token',
      'aws-api-gateway-missing-token',
      'x-amzn-errortype: MissingAuthenticationTokenException',
    ],
    ['render-waking', 'render-waking', 'x-render-routing: hibernate-wake-error'],
    ['nginx-error-page', 'nginx-error-page', '<hr><center>nginx/1.25.3</center>'],
  ])('%s is named %s, quoting %j', async (name, id, evidence) => {
    const match = identifyEdge(await exchangeOver(`${server.origin}/${name}/mcp`));
    expect(match?.signature.id).toBe(id);
    expect(match?.evidence.text).toBe(evidence);
  });

  it('the server’s own answers name no edge', async () => {
    for (const name of ['healthy-mcp-json', 'bearer-challenge', 'nextjs-404-page']) {
      expect(identifyEdge(await exchangeOver(`${server.origin}/${name}/mcp`))).toBeNull();
    }
  });

  it('every fixture is identified over HTTP as it is from the recorded data', async () => {
    for (const fixture of EDGE_FIXTURES) {
      const url = `${server.origin}/${fixture.name}/mcp`;
      const real = await exchangeOver(url);
      const recorded = fixtureExchange(
        { ...fixture, statusText: real.response?.statusText ?? '' },
        url,
      );
      const got = identifyEdge(real);
      const want = identifyEdge(recorded);
      expect([fixture.name, got?.signature.id, got?.evidence]).toEqual([
        fixture.name,
        want?.signature.id,
        want?.evidence,
      ]);
    }
  });

  it('HEAD gets the headers without the body, and an unknown path is 404', async () => {
    const head = await exchangeOver(`${server.origin}/cloudflare-challenge/mcp`, 'HEAD');
    expect(head.response?.body?.text).toBe('');
    expect(identifyEdge(head)?.signature.id).toBe('cloudflare-challenge');
    const unknown = await exchangeOver(`${server.origin}/no-such-edge/mcp`);
    expect(unknown.response?.status).toBe(404);
    expect(edgeFixture('no-such-edge')).toBeUndefined();
  });
});
