import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client as ClientV2 } from '@modelcontextprotocol/client';
import { StdioClientTransport as StdioV2 } from '@modelcontextprotocol/client/stdio';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as StdioV1 } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosisSchema, RunListSchema, RunOutputSchema } from '@/lib/mcp-server/schemas';
import { healthyServer } from '@/lib/samples/healthy';
import { statelessServer, type Running } from '@/test/fixtures/servers';
import { textOf } from './support';

/**
 * `mcp-doctor mcp` in a child process, as a coding agent starts it: the CLI's entry point (run
 * from source, so the test does not depend on the prebuilt bundle another suite rebuilds), over
 * real stdio, driven by the SDK's v1 client (what Claude Code, Codex, Cursor and VS Code are built
 * on today) and by the v2 client pinned to 2026-07-28.
 */
const root = path.resolve(import.meta.dirname, '../..');
const entry = "import('./lib/cli/main.ts').then((m) => m.main(['mcp']))";
const command = process.execPath;
const args = ['--import', 'tsx', '--input-type=module', '-e', entry];
const env = (): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) out[k] = v;
  return { ...out, MCP_DOCTOR_BLOCK_PRIVATE: '', MCP_DOCTOR_ORIGIN: '' };
};

let healthy: Running;
beforeAll(async () => {
  healthy = await statelessServer(healthyServer);
});
afterAll(() => healthy?.close());

describe('mcp-doctor mcp over stdio', { timeout: 90_000 }, () => {
  it('serves the 2025 handshake to the v1 client, and diagnoses in-process with runs kept in memory', async () => {
    const client = new ClientV1({ name: 'agent', version: '1.0.0' });
    await client.connect(new StdioV1({ command, args, cwd: root, env: env(), stderr: 'pipe' }));
    try {
      expect(client.getServerVersion()).toMatchObject({ name: 'mcp-doctor', title: 'MCP Doctor' });
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(5);

      const result = await client.callTool({
        name: 'diagnose_endpoint',
        arguments: { url: healthy.url },
      });
      const diagnosis = DiagnosisSchema.parse(result.structuredContent);
      expect(diagnosis).toMatchObject({ healthy: true, permalink: null, url: healthy.url });
      expect(textOf(result)).toMatch(/\nHealthy: 0 errors/);
      expect(textOf(result)).not.toContain('Full report');

      const run = await client.callTool({ name: 'get_run', arguments: { id: diagnosis.runId } });
      expect(RunOutputSchema.parse(run.structuredContent).diagnosis).toEqual(diagnosis);
      const list = await client.callTool({ name: 'list_runs', arguments: { url: healthy.url } });
      expect(RunListSchema.parse(list.structuredContent).runs.map((r) => r.id)).toEqual([
        diagnosis.runId,
      ]);
    } finally {
      await client.close();
    }
  });

  it('serves 2026-07-28 to the v2 client pinned to it', async () => {
    const client = new ClientV2(
      { name: 'agent', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(new StdioV2({ command, args, cwd: root, env: env(), stderr: 'pipe' }));
    try {
      expect(client.getProtocolEra()).toBe('modern');
      const listed = await client.callTool({ name: 'list_checks', arguments: {} });
      const { checks } = listed.structuredContent as { checks: { id: string }[] };
      expect(checks.map((c) => c.id)).toContain('widgets.mime-type');
    } finally {
      await client.close();
    }
  });

  it('writes only JSON-RPC on stdout, and exits 0 when the client closes stdin', async () => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const answered = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('"id":2')) resolve();
      }),
    );
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await answered;
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
  });
});
