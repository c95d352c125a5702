import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, describe, expect, test } from 'vitest';
import { CLIENT_PROFILES, profileOf, type ClientId } from '@/lib/clients';
import type { ClientFacts, UrlParts } from '@/lib/clients/facts';
import { factsFromReport } from '@/lib/clients/from-report';
import { verdict } from '@/lib/clients/verdict';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import type { Report } from '@/lib/report/schema';
import { healthyConfig } from '@/lib/samples/auth/samples';
import { withCors, withoutCors } from '../fixtures/cors';
import { statelessServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { protectedServer } from '../probe/auth-fixtures';

/**
 * Servers on which the clients disagree, as real loopback servers probed for real. Every fixture
 * listens on 127.0.0.1, which the hosted clients (ChatGPT, Claude) can never reach; `asDeployed`
 * shows what they would say of the same server deployed behind a public https name — on its own
 * port, or on 443 when the port is not what a test is about — changing only what loopback decides
 * (scheme, host, reachability, port) and nothing the server itself said.
 */
const running: Running[] = [];
async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const PUBLIC_HOST = 'mcp.example.com';

function asDeployed(facts: ClientFacts, port: 'same' | 443): ClientFacts {
  const move = <T extends UrlParts>(parts: T): T => ({
    ...parts,
    scheme: 'https',
    host: PUBLIC_HOST,
    loopback: false,
    ...(port === 443 ? { port } : {}),
  });
  const endpoints = facts.auth.endpoints.value?.map((e) => ({
    ...move(e),
    url: e.url.replace(
      /^http:\/\/127\.0\.0\.1:\d+/,
      `https://${PUBLIC_HOST}${port === 443 ? '' : `:${e.port}`}`,
    ),
  }));
  return {
    ...facts,
    url: { ...facts.url, value: facts.url.value && move(facts.url.value) },
    publicAddress: { ...facts.publicAddress, value: true },
    auth: { ...facts.auth, endpoints: { ...facts.auth.endpoints, value: endpoints ?? null } },
  };
}

type Verdicts = Record<ClientId, { verdict: string; against: string[] }>;

/** Each client's verdict and the rules that went against it (blocked or degraded). */
function judge(facts: ClientFacts): Verdicts {
  return Object.fromEntries(
    CLIENT_PROFILES.map((profile) => {
      const v = verdict(facts, profile);
      const against = v.reasons
        .filter((r) => r.outcome === 'blocked' || r.outcome === 'degraded')
        .map((r) => r.rule);
      return [profile.id, { verdict: v.verdict, against }];
    }),
  ) as Verdicts;
}

const deployed = (report: Report, port: 'same' | 443 = 443) =>
  judge(asDeployed(factsFromReport(report), port));
const asRun = (report: Report) =>
  Object.fromEntries(report.clients.map((c) => [c.id, c.verdict])) as Record<ClientId, string>;

/** A server whose tools are annotated as every directory asks; `names` picks their names. */
function toolServer(names: string[]): () => McpServer {
  return () => {
    const server = new McpServer({ name: 'fixture-tools', version: '1.0.0' });
    for (const name of names) {
      server.registerTool(
        name,
        {
          title: `Tool ${name.slice(0, 20)}`,
          description: 'Returns a fixed answer; a fixture for the client verdicts.',
          annotations: { readOnlyHint: true },
        },
        async () => ({ content: [{ type: 'text', text: 'ok' }] }),
      );
    }
    return server;
  };
}

describe('clients that disagree on one server', { timeout: 60_000 }, () => {
  test('OAuth on a port other than 443: ChatGPT’s rules pass, Claude’s block', async () => {
    const server = await start(
      protectedServer((origin) => healthyConfig(origin, 'port'), '/samples/port/mcp'),
    );
    const report = await runHealthCheck(targetFor(server.url));
    const port = Number(new URL(server.url).port);
    expect(port).not.toBe(443);

    const verdicts = deployed(report, 'same');
    expect(verdicts.chatgpt).toEqual({ verdict: 'works', against: [] });
    expect(verdicts.claude).toEqual({
      verdict: 'blocked',
      against: ['claude.port-443', 'claude.auth-server-port'],
    });
    const claude = verdict(asDeployed(factsFromReport(report), 'same'), profileOf('claude'));
    expect(claude.reasons[0]).toMatchObject({
      rule: 'claude.port-443',
      message: `The MCP URL uses port ${port}; Claude never dials it.`,
      check: 'connection.url',
      source: { url: 'https://github.com/anthropics/claude-ai-mcp/issues/85' },
    });
    // As the run saw it: the hosted clients cannot reach loopback, and Claude is also
    // blocked by the port; the editors on this machine sign in and work.
    expect(asRun(report)).toMatchObject({
      chatgpt: 'blocked',
      claude: 'blocked',
      vscode: 'works',
      cursor: 'works',
    });
    const run = report.clients.find((c) => c.id === 'claude');
    expect(run?.reasons.filter((r) => r.outcome === 'blocked').map((r) => r.rule)).toContain(
      'claude.port-443',
    );
  });

  test('150 tools: over VS Code’s 128 per request, within everyone else’s rules', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `tool_${String(i).padStart(3, '0')}`);
    const server = await start(statelessServer(toolServer(names)));
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.tools).toHaveLength(150);

    expect(asRun(report)).toMatchObject({ vscode: 'degraded', cursor: 'works', generic: 'works' });
    const vscode = report.clients.find((c) => c.id === 'vscode');
    expect(vscode?.reasons[0]).toMatchObject({
      rule: 'vscode.tool-count',
      outcome: 'degraded',
      message: expect.stringMatching(/^150 tools, over 128:/),
    });
    // The reason points at the tools/list exchanges that listed them.
    const listed = new Set(report.listing?.pages.map((p) => p.exchangeId));
    expect(vscode?.reasons[0]?.evidence?.every((id) => listed.has(id))).toBe(true);
    expect(deployed(report)).toMatchObject({
      chatgpt: { verdict: 'works' },
      claude: { verdict: 'works' },
      vscode: { verdict: 'degraded', against: ['vscode.tool-count'] },
    });
  });

  test('a 70-character tool name: over the Claude directory’s 64, within the spec’s 128', async () => {
    const long = `get_${'x'.repeat(62)}_now`;
    expect(long).toHaveLength(70);
    const server = await start(statelessServer(toolServer(['search', long])));
    const report = await runHealthCheck(targetFor(server.url));

    const verdicts = deployed(report);
    expect(verdicts.claude).toEqual({
      verdict: 'degraded',
      against: ['claude.directory-tool-names'],
    });
    expect(verdicts.chatgpt.verdict).toBe('works');
    expect(verdicts.generic.verdict).toBe('works');
    expect(verdicts.vscode.verdict).toBe('works');
    const reason = report.clients
      .find((c) => c.id === 'claude')
      ?.reasons.find((r) => r.rule === 'claude.directory-tool-names');
    expect(reason?.message).toContain(`${long} (70)`);
  });

  test('OAuth metadata without CORS: a browser client cannot start sign-in; nobody else minds', async () => {
    const server = await start(
      protectedServer(
        (origin) => healthyConfig(origin, 'cors'),
        '/samples/cors/mcp',
        () => null,
        // CORS on the MCP endpoint only, as a server that forgot its well-known routes (the
        // samples send CORS headers with their metadata; these are taken off).
        (handler) =>
          withCors(
            withoutCors(handler, (path) => path.startsWith('/.well-known/')),
            {
              on: (path) => path === '/samples/cors/mcp',
              allowHeaders: 'Content-Type, Authorization, Mcp-Protocol-Version, Mcp-Session-Id',
              exposeHeaders: 'Mcp-Session-Id, WWW-Authenticate',
            },
          ),
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));

    // The CORS step recorded the real answers: the MCP endpoint open, both documents closed.
    expect(report.cors?.request).toMatchObject({ status: 401, allowOrigin: '*' });
    expect(
      report.cors?.metadata.map((m) => [new URL(m.url).pathname, m.status, m.allowOrigin]),
    ).toEqual([
      ['/.well-known/oauth-protected-resource/samples/cors/mcp', 200, null],
      ['/.well-known/oauth-authorization-server/samples/cors/oauth', 200, null],
    ]);
    expect(asRun(report)).toMatchObject({ browser: 'blocked', vscode: 'works', cursor: 'works' });
    const browser = report.clients.find((c) => c.id === 'browser');
    expect(browser?.reasons.filter((r) => r.outcome === 'blocked').map((r) => r.rule)).toEqual([
      'browser.cors-metadata',
    ]);
    const reason = browser?.reasons[0];
    expect(reason?.message).toContain(`${server.origin}/.well-known/oauth-protected-resource/`);
    // Its proof is the two GETs in the raw log, each sent with the page's Origin.
    const proved = report.exchanges.filter((x) => reason?.evidence?.includes(x.id));
    expect(proved.map((x) => x.request.method)).toEqual(['GET', 'GET']);
    expect(deployed(report)).toMatchObject({
      chatgpt: { verdict: 'works' },
      browser: { verdict: 'blocked', against: ['browser.cors-metadata'] },
    });
  });

  test('the same server with CORS on its metadata too: the browser client signs in', async () => {
    const server = await start(
      protectedServer(
        (origin) => healthyConfig(origin, 'cors'),
        '/samples/cors/mcp',
        () => null,
        (handler) =>
          withCors(handler, {
            on: (path) => path === '/samples/cors/mcp',
            allowHeaders: 'Content-Type, Authorization, Mcp-Protocol-Version, Mcp-Session-Id',
            exposeHeaders: 'Mcp-Session-Id, WWW-Authenticate',
          }),
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.cors?.metadata.map((m) => m.allowOrigin)).toEqual(['*', '*']);
    expect(asRun(report).browser).toBe('works');
  });
});
