import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import { previewResponse } from '@/lib/widgets/preview-response';
import { callForRun } from '@/lib/widgets/run-call';
import { statelessServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { header } from './support';

const RUN_ID = 'r'.repeat(22);
const calls: { tool: string; authorization: string | null }[] = [];

/** A server with a read-only widget tool, a write widget tool, and a bearer token it insists on. */
function widgetServer(): McpServer {
  const server = new McpServer({ name: 'call-fixture', version: '1.0.0' });
  const uri = 'ui://widget/card.html';
  server.registerResource('card', uri, { mimeType: 'text/html+skybridge' }, async () => ({
    contents: [
      {
        uri,
        mimeType: 'text/html+skybridge',
        text: '<!doctype html><html><body><p id="out">card</p></body></html>',
      },
    ],
  }));
  server.registerTool(
    'show_card',
    {
      description: 'Shows a card for a name; reads only.',
      inputSchema: { name: z.string() },
      annotations: { readOnlyHint: true },
      _meta: { 'openai/outputTemplate': uri },
    },
    async ({ name }, extra) => {
      calls.push({
        tool: 'show_card',
        authorization: extra.requestInfo?.headers.authorization?.toString() ?? null,
      });
      return {
        content: [{ type: 'text', text: `card for ${name} (secret-token-123 echoed)` }],
        structuredContent: { name },
      };
    },
  );
  server.registerTool(
    'delete_card',
    {
      description: 'Deletes a card; changes data on the server.',
      inputSchema: { id: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: true },
      _meta: { 'openai/outputTemplate': uri },
    },
    async () => {
      calls.push({ tool: 'delete_card', authorization: null });
      return { content: [{ type: 'text', text: 'deleted' }] };
    },
  );
  return server;
}

let server: Running;
const registry = new MemoryRunRegistry();
beforeAll(async () => {
  server = await statelessServer(widgetServer);
  const report = await runHealthCheck(targetFor(server.url, { token: 'secret-token-123' }));
  registry.create({ id: RUN_ID, url: report.url, createdAt: report.startedAt });
  registry.update(RUN_ID, { state: 'done', report });
});
afterAll(async () => {
  await server.close();
});

describe('Call and render', () => {
  test('never calls a tool that is not annotated readOnlyHint: true without a confirmation', async () => {
    const outcome = await callForRun(registry, RUN_ID, {
      tool: 'delete_card',
      arguments: { id: '1' },
      token: 'secret-token-123',
      confirm: false,
    });
    expect(outcome).toMatchObject({ ok: false, status: 400, code: 'confirmation-required' });
    expect(outcome.ok ? '' : outcome.message).toMatch(
      /^delete_card is annotated destructiveHint: true/,
    );
    expect(calls.some((c) => c.tool === 'delete_card')).toBe(false);
  });

  test('refuses an unknown run or tool', async () => {
    expect(
      await callForRun(registry, 'x'.repeat(22), { tool: 'show_card', arguments: {} }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await callForRun(registry, RUN_ID, { tool: 'nope', arguments: {} })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  test('calls a read-only tool with the token given, appends the call and its exchanges, and stores no secret', async () => {
    const before = registry.get(RUN_ID)?.report;
    const count = before?.exchanges.length ?? 0;
    const outcome = await callForRun(registry, RUN_ID, {
      tool: 'show_card',
      arguments: { name: 'Ada' },
      token: 'secret-token-123',
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(calls.at(-1)).toEqual({ tool: 'show_card', authorization: 'Bearer secret-token-123' });
    expect(outcome.call).toMatchObject({
      id: 'call-1',
      tool: 'show_card',
      arguments: { name: 'Ada' },
      error: null,
      result: { structuredContent: { name: 'Ada' } },
    });
    expect(outcome.preview.src).toMatch(/^\/widget-preview\/[A-Za-z0-9_-]+$/);

    const report = registry.get(RUN_ID)?.report;
    expect(report?.calls).toHaveLength(1);
    expect(report?.widgets?.calls).toEqual([]);
    const added = report?.exchanges.slice(count) ?? [];
    expect(added.map((x) => x.id)).toEqual(outcome.call.exchangeIds);
    expect(new Set(report?.exchanges.map((x) => x.id)).size).toBe(report?.exchanges.length);
    // On the run's clock, after every exchange of the run itself.
    const lastOfRun = Math.max(...(before?.exchanges.map((x) => x.startedAt) ?? [0]));
    expect(added.every((x) => x.startedAt > lastOfRun)).toBe(true);
    expect(added.some((x) => x.rpc?.method === 'tools/call')).toBe(true);
    const call = added.find((x) => x.rpc?.method === 'tools/call');
    expect(header(call?.request.headers ?? [], 'authorization')).toBe('Bearer [redacted]');
    expect(JSON.stringify(report)).not.toContain('secret-token-123');
  });

  test('the preview of that call serves the widget with window.openai.toolOutput and a sandboxing CSP', async () => {
    const outcome = await callForRun(registry, RUN_ID, {
      tool: 'show_card',
      arguments: { name: 'Grace' },
      token: 'secret-token-123',
    });
    if (!outcome.ok) throw new Error(outcome.message);
    const token = outcome.preview.src.split('/').at(-1) ?? '';
    const response = previewResponse(registry, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(
      /default-src 'none'.*frame-ancestors 'self'; sandbox allow-scripts$/,
    );
    const html = await response.text();
    expect(html).toContain('"toolOutput":{"name":"Grace"}');
    expect(html).toContain(`"nonce":"${outcome.preview.nonce}"`);
    expect(html.indexOf('mcp-doctor-preview')).toBeLessThan(html.indexOf('<p id="out">'));
    expect(previewResponse(registry, 'garbage').status).toBe(404);
  });

  test('calls a write widget tool once confirmed, and renders its result', async () => {
    const outcome = await callForRun(registry, RUN_ID, {
      tool: 'delete_card',
      arguments: { id: '1' },
      token: 'secret-token-123',
      confirm: true,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(calls.at(-1)?.tool).toBe('delete_card');
    expect(outcome.call).toMatchObject({ tool: 'delete_card', confirmed: true, error: null });
    const token = outcome.preview.src.split('/').at(-1) ?? '';
    expect(previewResponse(registry, token).status).toBe(200);
  });
});
