import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMcpHandler } from '@modelcontextprotocol/server';
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMcp } from '@/lib/mcp-server/http';
import { createDoctorServer } from '@/lib/mcp-server/server';
import { MemoryArchive } from '@/lib/mcp-server/memory-archive';
import {
  CheckExplanationSchema,
  DiagnosisSchema,
  RunListSchema,
  RunOutputSchema,
} from '@/lib/mcp-server/schemas';
import { healthyServer } from '@/lib/samples/healthy';
import { Admission } from '@/lib/security/admission';
import { serveWeb, statelessServer, type Running } from '@/test/fixtures/servers';
import { connect, echoingServer, textOf, type Era } from './support';

/**
 * The /mcp endpoint as the app serves it (serveMcp, the store on a fresh SQLite file), driven by
 * the SDK's own v2 client in both protocol eras, against real MCP servers on loopback ports.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-doctor-mcp-'));
const ENV = {
  MCP_DOCTOR_DB: path.join(dir, 'store.db'),
  DATABASE_URL: '',
  MCP_DOCTOR_BLOCK_PRIVATE: '',
  MCP_DOCTOR_TOKEN: '',
};
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));

function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return run().finally(() => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

let doctor: Running;
let healthy: Running;
let origin: string | undefined;

beforeAll(async () => {
  Object.assign(process.env, ENV);
  doctor = await serveWeb(serveMcp);
  healthy = await statelessServer(healthyServer);
  origin = process.env.MCP_DOCTOR_ORIGIN;
  process.env.MCP_DOCTOR_ORIGIN = doctor.origin;
});
afterAll(async () => {
  await doctor?.close();
  await healthy?.close();
  for (const [k, v] of Object.entries({ ...saved, MCP_DOCTOR_ORIGIN: origin })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.each<Era>(['legacy', 'modern'])('/mcp in the %s era', { timeout: 60_000 }, (era) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(doctor.url, era);
  });
  afterAll(() => client?.close());

  it('negotiates the era the client asked for, and lists the five tools', async () => {
    expect(client.getProtocolEra()).toBe(era);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'diagnose_endpoint',
      'explain_check',
      'get_run',
      'list_checks',
      'list_runs',
    ]);
  });

  it('diagnoses an endpoint, saves the run with a permalink, and reads it back with get_run and list_runs', async () => {
    const result = await client.callTool({
      name: 'diagnose_endpoint',
      arguments: { url: healthy.url },
    });
    expect(result.isError).toBeFalsy();
    const diagnosis = DiagnosisSchema.parse(result.structuredContent);
    expect(diagnosis).toMatchObject({ url: healthy.url, healthy: true });
    expect(diagnosis.rows.map((r) => r.id)).toEqual(['connection', 'tools', 'widgets', 'auth']);
    expect(diagnosis.permalink).toBe(`${doctor.origin}/runs/${diagnosis.runId}`);
    // The text is the terminal summary, and the permalink.
    const text = textOf(result);
    expect(text).toContain('Connection fails');
    expect(text).toMatch(/\nHealthy: 0 errors/);
    expect(text).toContain(`Full report: ${diagnosis.permalink}`);

    const run = await client.callTool({ name: 'get_run', arguments: { id: diagnosis.runId } });
    const output = RunOutputSchema.parse(run.structuredContent);
    expect(output).toMatchObject({ id: diagnosis.runId, state: 'done' });
    expect(output.diagnosis).toEqual(diagnosis);

    const list = await client.callTool({ name: 'list_runs', arguments: { url: healthy.url } });
    const runs = RunListSchema.parse(list.structuredContent).runs;
    expect(runs[0]).toMatchObject({ id: diagnosis.runId, state: 'done', status: diagnosis.status });
  });

  it('explains a check and lists the checks of a row', async () => {
    const explained = await client.callTool({
      name: 'explain_check',
      arguments: { id: 'widgets.mime-type' },
    });
    expect(CheckExplanationSchema.parse(explained.structuredContent)).toMatchObject({
      id: 'widgets.mime-type',
      row: 'Widget not rendering',
      severity: 'error',
    });
    const listed = await client.callTool({ name: 'list_checks', arguments: { area: 'auth' } });
    const { checks } = listed.structuredContent as { checks: { id: string; area: string }[] };
    expect(checks.length).toBeGreaterThan(5);
    expect(checks.every((c) => c.area === 'auth' && c.id.startsWith('auth.'))).toBe(true);
  });
});

describe('diagnose_endpoint', { timeout: 60_000 }, () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(doctor.url, 'legacy');
  });
  afterAll(() => client?.close());

  it('refuses what the API refuses, in the API’s words', async () => {
    const result = await client.callTool({
      name: 'diagnose_endpoint',
      arguments: { url: 'ftp://example.com/mcp' },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('unsupported scheme "ftp:"');
    const header = await client.callTool({
      name: 'diagnose_endpoint',
      arguments: { url: healthy.url, headers: { 'Mcp-Session-Id': 'x' } },
    });
    expect(textOf(header)).toContain('is set by MCP Doctor itself');
  });

  it('says client profiles are not available rather than ignoring "client"', async () => {
    const result = await client.callTool({
      name: 'diagnose_endpoint',
      arguments: { url: healthy.url, client: 'chatgpt' },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('client profiles are not available in this version');
  });

  it('answers no token or header value, even from a server that repeats them', async () => {
    const echo = await echoingServer();
    try {
      const result = await client.callTool({
        name: 'diagnose_endpoint',
        arguments: {
          url: echo.url,
          token: 'tok-3f9a7c1e5b',
          headers: { 'X-Api-Key': 'key-8d2e6b4a90' },
        },
      });
      expect(result.isError).toBeFalsy();
      const id = DiagnosisSchema.parse(result.structuredContent).runId;
      const run = await client.callTool({ name: 'get_run', arguments: { id } });
      const names = DiagnosisSchema.parse(result.structuredContent).failing.find(
        (c) => c.id === 'tools.name',
      );
      // The server's words reach the answer, with the credentials in them redacted.
      expect(JSON.stringify(names)).toContain('authorization=Bearer [redacted] key=[redacted]');
      for (const answer of [result, run]) {
        const json = JSON.stringify(answer);
        expect(json).not.toContain('3f9a7c1e5b');
        expect(json).not.toContain('8d2e6b4a90');
      }
    } finally {
      await echo.close();
    }
  });

  it('reports each probe step as progress when the client asks for it', async () => {
    const messages: string[] = [];
    await client.callTool(
      { name: 'diagnose_endpoint', arguments: { url: healthy.url, skip: ['auth'] } },
      { onprogress: (p) => messages.push(p.message ?? '') },
    );
    expect(messages.some((m) => m.startsWith('dns: '))).toBe(true);
    expect(messages.some((m) => m.startsWith('initialize: '))).toBe(true);
  });

  it('follows the address policy: MCP_DOCTOR_BLOCK_PRIVATE=1 refuses a loopback endpoint', async () => {
    const result = await withEnv({ MCP_DOCTOR_BLOCK_PRIVATE: '1' }, () =>
      client.callTool({ name: 'diagnose_endpoint', arguments: { url: healthy.url } }),
    );
    const diagnosis = DiagnosisSchema.parse(result.structuredContent);
    expect(diagnosis.healthy).toBe(false);
    expect(diagnosis.rows[0]).toMatchObject({ id: 'connection', status: 'fail' });
    expect(diagnosis.failing[0]).toMatchObject({
      id: 'connection.tcp',
      message: expect.stringContaining('blocked by policy'),
    });
  });

  it('starts no more diagnoses than its admission allows, and says when to try again', async () => {
    const archive = new MemoryArchive();
    const admission = new Admission({
      maxConcurrent: 4,
      perMinute: 60,
      burst: 1,
      trustedProxies: 0,
    });
    const handler = createMcpHandler(() =>
      createDoctorServer({
        archive,
        admit: (request) => admission.admit(request ?? new Request('http://x.invalid')),
        origin: null,
        version: '0.0.0',
      }),
    );
    const limited = await serveWeb((request) => handler.fetch(request));
    try {
      const limitedClient = await connect(limited.url, 'legacy');
      const call = () =>
        limitedClient.callTool({ name: 'diagnose_endpoint', arguments: { url: healthy.url } });
      expect((await call()).isError).toBeFalsy();
      const refused = await call();
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/^rate-limited: more than 60 diagnoses a minute/);
      await limitedClient.close();
    } finally {
      await limited.close();
    }
  });
});

describe('/mcp’s door', { timeout: 30_000 }, () => {
  const initialize = (headers: Record<string, string>) =>
    fetch(doctor.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'door', version: '1' },
        },
      }),
    });

  it('refuses a browser page of another origin with 403 (MCP transports: validate Origin)', async () => {
    const refused = await initialize({ origin: 'http://rebound.example' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Invalid Origin');
    expect((await initialize({ origin: doctor.origin })).status).toBe(200);
    expect((await initialize({})).status).toBe(200);
  });

  it('takes the team token as a bearer token only, and says how with WWW-Authenticate', async () => {
    await withEnv({ MCP_DOCTOR_TOKEN: 'team-token-1b7e' }, async () => {
      const none = await initialize({});
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="mcp-doctor"');
      const cookie = await initialize({ cookie: 'mcp_doctor_token=team-token-1b7e' });
      expect(cookie.status).toBe(401);
      const wrong = await initialize({ authorization: 'Bearer team-token-0000' });
      expect(wrong.status).toBe(401);
      const client = await connect(doctor.url, 'modern', {
        authorization: 'Bearer team-token-1b7e',
      });
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(5);
      await client.close();
    });
  });
});
