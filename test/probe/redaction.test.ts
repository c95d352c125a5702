import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { handleMcpRequest } from '@/lib/samples/handler';
import { serveWeb, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { exchangesOf, header } from './support';

const TOKEN = 'tok_live_4f9a8b7c6d5e4f3a2b1c';
const CUSTOM_SECRET = 'custom-secret-7e6d5c4b3a29';
const QUERY_SECRET = 'query-secret-1a2b3c4d5e6f';

let server: Running | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/**
 * A server that hands every credential it receives straight back: in response headers, in a
 * cookie, in its instructions and in a tool description. Whatever the server does with them, the
 * report must not contain them.
 */
function echoingServer(seen: string[]): Promise<Running> {
  return serveWeb(async (request) => {
    const authorization = request.headers.get('authorization') ?? '';
    const custom = request.headers.get('x-team-secret') ?? '';
    seen.push(authorization, custom, request.url);
    const answer = await handleMcpRequest(request, () => {
      const mcp = new McpServer(
        { name: 'echo', version: '1.0.0' },
        { instructions: `Your credentials: ${authorization} / ${custom} / ${request.url}` },
      );
      mcp.registerTool(
        'whoami',
        {
          description: `Says who you are; you called with ${custom} and ${authorization}.`,
          annotations: { readOnlyHint: true },
        },
        async () => ({ content: [{ type: 'text', text: authorization }] }),
      );
      return mcp;
    });
    const headers = new Headers(answer.headers);
    headers.set('x-echo-authorization', authorization);
    headers.set('x-echo-team-secret', custom);
    headers.append('set-cookie', `session=${TOKEN}; HttpOnly`);
    return new Response(answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers,
    });
  });
}

test('a known token, a custom secret header and a secret query parameter appear nowhere in the report', async () => {
  const seen: string[] = [];
  server = await echoingServer(seen);
  const report = await runHealthCheck(
    targetFor(`${server.url}?api_key=${QUERY_SECRET}`, {
      token: TOKEN,
      headers: { 'X-Team-Secret': CUSTOM_SECRET },
    }),
  );

  // The secrets really were sent (and echoed), so the test would see a leak.
  expect(seen).toContain(`Bearer ${TOKEN}`);
  expect(seen).toContain(CUSTOM_SECRET);
  expect(seen.some((s) => s.includes(QUERY_SECRET))).toBe(true);
  expect(report.tools).toHaveLength(1);

  const serialized = JSON.stringify(report);
  for (const secret of [TOKEN, CUSTOM_SECRET, QUERY_SECRET])
    expect(serialized).not.toContain(secret);

  // What was there is still visible as such: the scheme, the header's name, the parameter's name.
  const [init] = exchangesOf(report, 'initialize');
  expect(header(init?.request.headers ?? [], 'authorization')).toBe('Bearer [redacted]');
  expect(header(init?.request.headers ?? [], 'x-team-secret')).toBe('[redacted]');
  expect(init?.request.url).toContain('api_key=');
  expect(report.target).toMatchObject({ headerNames: ['X-Team-Secret'], hasToken: true });
});
