import { afterEach, describe, expect, test } from 'vitest';
import { buildReport } from '@/lib/diagnose/build-report';
import { probe } from '@/lib/probe/probe';
import { CORS_ORIGIN } from '@/lib/probe/steps/cors';
import type { Report, Transcript } from '@/lib/report/schema';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { withCors } from '../fixtures/cors';
import { healthyMcpServer, serveWeb, statefulServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { header, step } from './support';

const running: Running[] = [];
async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** What the CORS step sent: every request with the Origin (the session's own DELETE has none). */
function corsExchanges(t: Transcript) {
  const sent = t.exchanges.filter((x) => header(x.request.headers, 'origin') === CORS_ORIGIN);
  expect(sent.every((x) => x.step === 'cors')).toBe(true);
  return sent;
}
const browser = (report: Report) => report.clients.find((c) => c.id === 'browser');
const browserReason = (report: Report, rule: string) =>
  browser(report)?.reasons.find((r) => r.rule === rule);

/** The healthy sample behind CORS that lets any page in, as the SDK's README configures it. */
const openCors = () =>
  serveWeb(
    withCors((request) => handleMcpRequest(request, healthyServer), {
      on: (path) => path === '/mcp',
      allowHeaders: 'Content-Type, Authorization, Mcp-Protocol-Version, Mcp-Session-Id',
      exposeHeaders: 'Mcp-Session-Id, WWW-Authenticate',
    }),
  );

describe('the CORS step', () => {
  test('asks as a page on MCP Inspector’s origin would, and records a server without CORS', async () => {
    const server = await start(healthyMcpServer());
    const t = await probe(targetFor(server.url));
    expect(step(t, 'cors').status).toBe('ok');
    const sent = corsExchanges(t);
    expect(sent.map((x) => [x.request.method, x.response?.status])).toEqual([
      ['OPTIONS', 405],
      ['POST', 200],
    ]);
    for (const x of sent) expect(header(x.request.headers, 'origin')).toBe(CORS_ORIGIN);
    const [preflight] = sent;
    expect(header(preflight?.request.headers ?? [], 'access-control-request-method')).toBe('POST');
    expect(header(preflight?.request.headers ?? [], 'access-control-request-headers')).toBe(
      'authorization,content-type,mcp-method,mcp-name,mcp-protocol-version,mcp-session-id',
    );
    expect(t.cors).toMatchObject({
      origin: 'http://localhost:6274',
      preflight: { kind: 'preflight', status: 405, allowOrigin: null, exchangeId: preflight?.id },
      request: { kind: 'request', status: 200, allowOrigin: null },
      metadata: [],
    });

    const report = buildReport(t);
    expect(browser(report)?.verdict).toBe('blocked');
    expect(browserReason(report, 'browser.cors-preflight')).toMatchObject({
      outcome: 'blocked',
      message: `OPTIONS ${server.url} answered HTTP 405: a browser sends nothing after a preflight that is not 2xx.`,
      evidence: [preflight?.id],
    });
    // The other clients do not run in a page: CORS changes nothing for them.
    expect(report.clients.find((c) => c.id === 'vscode')?.verdict).toBe('works');
  });

  test('reads open CORS as a browser would, header names lower-cased', async () => {
    const server = await start(openCors());
    const t = await probe(targetFor(server.url));
    expect(t.cors?.preflight).toMatchObject({
      status: 204,
      allowOrigin: '*',
      allowMethods: ['get', 'post', 'delete'],
      allowHeaders: ['content-type', 'authorization', 'mcp-protocol-version', 'mcp-session-id'],
    });
    expect(t.cors?.request?.exposeHeaders).toEqual(['mcp-session-id', 'www-authenticate']);
    const report = buildReport(t);
    expect(browser(report)?.verdict).toBe('works');
    expect(browserReason(report, 'browser.cors-mcp')?.outcome).toBe('ok');
  });

  test('sends the user’s token with the initialize, never with the preflight; asks for their header names', async () => {
    const server = await start(openCors());
    const t = await probe(
      targetFor(server.url, { token: 'tok-cors-4b1d', headers: { 'X-Tenant': 'acme' } }),
    );
    const [preflight, post] = corsExchanges(t);
    expect(header(preflight?.request.headers ?? [], 'authorization')).toBeUndefined();
    expect(header(preflight?.request.headers ?? [], 'x-tenant')).toBeUndefined();
    expect(header(preflight?.request.headers ?? [], 'access-control-request-headers')).toBe(
      'authorization,content-type,mcp-method,mcp-name,mcp-protocol-version,mcp-session-id,x-tenant',
    );
    // Recorded redacted, as every credential is.
    expect(header(post?.request.headers ?? [], 'authorization')).toMatch(/^Bearer \[redacted/);
    expect(JSON.stringify(t)).not.toContain('tok-cors-4b1d');
  });

  test('ends the session its initialize opened', async () => {
    const server = await start(statefulServer());
    const t = await probe(targetFor(server.url));
    const sent = corsExchanges(t).map((x) => x.request.method);
    expect(sent).toEqual(['OPTIONS', 'POST', 'DELETE']);
    // The handshake's, the CORS initialize's, and the exposure step's two (foreign Origin, foreign Host).
    expect(server.issued).toHaveLength(4);
    expect([...server.terminated].sort()).toEqual([...server.issued].sort());
  });

  test('is skipped when the URL gave no HTTP answer', async () => {
    const server = await start(healthyMcpServer());
    await server.close();
    const t = await probe(targetFor(server.url));
    expect(step(t, 'cors').status).toBe('skipped');
    expect(corsExchanges(t)).toEqual([]);
    expect(buildReport(t).clients.find((c) => c.id === 'browser')?.verdict).toBe('blocked');
  });
});
