import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { handleMcpRequest } from '@/lib/samples/handler';
import { serveWeb, type Running } from '@/test/fixtures/servers';

export type Era = 'legacy' | 'modern';

/**
 * A v2 client in one protocol era: the default `legacy` mode sends the 2025 `initialize`, as the
 * agents of today do; a pin on 2026-07-28 opens with `server/discover` and never falls back.
 */
export async function connect(
  url: string,
  era: Era,
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client(
    { name: 'mcp-doctor-test', version: '1.0.0' },
    { versionNegotiation: { mode: era === 'modern' ? { pin: '2026-07-28' } : 'legacy' } },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  );
  return client;
}

/** The text of a tool result's first content block. */
export function textOf(result: object): string {
  const content = 'content' in result ? result.content : undefined;
  const first = Array.isArray(content) ? (content[0] as { text?: unknown }) : null;
  return typeof first?.text === 'string' ? first.text : '';
}

/**
 * An MCP server that repeats every credential it is sent in its tool list and in an error, the way
 * a careless server logs requests back: whatever MCP Doctor answers must hold none of it.
 */
export function echoingServer(): Promise<Running> {
  return serveWeb((request) =>
    handleMcpRequest(request, () => {
      const server = new McpServer({ name: 'echo', version: '1.0.0' });
      const seen = `authorization=${request.headers.get('authorization')} key=${request.headers.get('x-api-key')}`;
      // An invalid tool name: tools.name quotes it in its finding, so it reaches the answer.
      server.registerTool(
        `echo ${seen}`,
        {
          description: `Repeats what it was sent, for a test: ${seen}`,
          annotations: { readOnlyHint: true },
        },
        async () => ({ content: [{ type: 'text', text: seen }] }),
      );
      return server;
    }),
  );
}
