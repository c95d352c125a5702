import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { afterEach, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { FOREIGN_HOST } from '@/lib/probe/steps/exposure';
import { healthyServer } from '@/lib/samples/healthy';
import { modernServer } from '../fixtures/modern-servers';
import { healthyMcpServer, serveWeb, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { check, header, step } from './support';

/**
 * The exposure step against real SDK servers on loopback: one as the SDK serves by default (no
 * Origin or Host validation), one with the SDK's DNS-rebinding protection. Every request goes to
 * 127.0.0.1; the foreign name is only ever a header.
 */
const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

/** The healthy sample behind the SDK's own protection: its Host and no foreign Origin. */
async function protectedServer(): Promise<Running> {
  let port = '';
  const server = await serveWeb(async (request) => {
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      enableDnsRebindingProtection: true,
      allowedHosts: [`127.0.0.1:${port}`],
      allowedOrigins: [`http://127.0.0.1:${port}`],
    });
    const mcp = healthyServer();
    await mcp.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      void mcp.close();
    }
  });
  port = new URL(server.origin).port;
  return server;
}

describe('the exposure step', () => {
  test('a server that answers any Origin and Host: both requests recorded, the check warns of DNS rebinding', async () => {
    const server = await healthyMcpServer();
    running.push(server);
    const report = await runHealthCheck(targetFor(server.url, { token: 'secret-token-123' }));
    expect(step(report, 'exposure')).toMatchObject({ status: 'ok' });
    expect(report.exposure).toMatchObject({
      scope: 'loopback',
      address: '127.0.0.1',
      attempts: [
        { kind: 'origin', status: 200, accepted: true },
        {
          kind: 'host',
          status: 200,
          accepted: true,
          host: `${FOREIGN_HOST}:${new URL(server.url).port}`,
        },
      ],
    });
    const [byOrigin, byHost] = (report.exposure?.attempts ?? []).map((a) =>
      report.exchanges.find((x) => x.id === a.exchangeId),
    );
    expect(byOrigin?.step).toBe('exposure');
    expect(header(byOrigin?.request.headers ?? [], 'origin')).toContain(FOREIGN_HOST);
    expect(header(byHost?.request.headers ?? [], 'host')).toContain(FOREIGN_HOST);
    // Anonymous: a web page has none of the user's credentials.
    expect(header(byHost?.request.headers ?? [], 'authorization')).toBeUndefined();
    expect(byHost?.request.url).toBe(server.url);
    expect(byHost?.response?.status).toBe(200);
    expect(check(report, 'connection.local-exposure')).toMatchObject({
      status: 'fail',
      code: 'foreign-host-accepted',
      severity: 'warning',
      group: 'security',
    });
  });

  test('a server with the SDK’s DNS-rebinding protection refuses both: the check passes', async () => {
    const server = await protectedServer();
    running.push(server);
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.exposure?.attempts.map((a) => [a.kind, a.status, a.accepted])).toEqual([
      ['origin', 403, false],
      ['host', 403, false],
    ]);
    expect(check(report, 'connection.local-exposure')).toMatchObject({ status: 'pass' });
  });

  test('a 2026-07-28-only server is asked with server/discover: open, the check warns', async () => {
    const server = await modernServer();
    running.push(server);
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.exposure).toMatchObject({ era: 'modern' });
    expect(report.exposure?.attempts.map((a) => [a.kind, a.status, a.accepted])).toEqual([
      ['origin', 200, true],
      ['host', 200, true],
    ]);
    const sent = report.exchanges.find((x) => x.id === report.exposure?.attempts[1]?.exchangeId);
    expect(sent).toMatchObject({
      step: 'exposure',
      era: 'modern',
      rpc: { method: 'server/discover' },
    });
    expect(header(sent?.request.headers ?? [], 'mcp-method')).toBe('server/discover');
    expect(header(sent?.request.headers ?? [], 'host')).toContain(FOREIGN_HOST);
    expect(check(report, 'connection.local-exposure')).toMatchObject({
      status: 'fail',
      code: 'foreign-host-accepted',
      message: expect.stringContaining('accepted server/discover with Host'),
    });
  });

  test('a 2026-07-28-only server with the v2 SDK’s Host and Origin validation refuses both', async () => {
    const server = await modernServer({ validatesOrigin: true });
    running.push(server);
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.exposure?.attempts.map((a) => [a.kind, a.status])).toEqual([
      ['origin', 403],
      ['host', 403],
    ]);
    expect(check(report, 'connection.local-exposure')).toMatchObject({ status: 'pass' });
  });

  test('is skipped when the handshake opened nothing', async () => {
    const server = await serveWeb(() => new Response('<html>nope</html>', { status: 404 }));
    running.push(server);
    const report = await runHealthCheck(targetFor(server.url));
    expect(step(report, 'exposure')).toMatchObject({ status: 'skipped' });
    expect(report.exposure ?? null).toBeNull();
    expect(check(report, 'connection.local-exposure').status).toBe('skipped');
  });
});
