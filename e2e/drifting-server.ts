import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { handleMcpRequest } from '../lib/samples/handler';

/**
 * A real MCP server on a loopback port whose tools the test changes between two runs, as a
 * developer changes a server while ChatGPT still shows the old tools: version 1 lists `search` and
 * `fetch`; version 2 rewords `search`, drops `fetch` and adds `summarize`.
 */
export async function driftingServer() {
  const state = { version: 1 as 1 | 2 };
  const build = () => {
    const mcp = new McpServer({ name: 'drifting', version: `${state.version}.0.0` });
    const readOnly = { readOnlyHint: true, openWorldHint: false };
    mcp.registerTool(
      'search',
      {
        description:
          state.version === 1
            ? 'Searches the knowledge base and returns the best matching articles.'
            : 'Searches the knowledge base, with filters by team and date, and returns matches.',
        annotations: readOnly,
      },
      async () => ({ content: [{ type: 'text', text: 'ok' }] }),
    );
    const second = state.version === 1 ? 'fetch' : 'summarize';
    mcp.registerTool(
      second,
      {
        description: `The ${second} tool of version ${state.version}, read-only.`,
        annotations: readOnly,
      },
      async () => ({ content: [{ type: 'text', text: 'ok' }] }),
    );
    return mcp;
  };
  const server = http.createServer(
    getRequestListener((request) => handleMcpRequest(request, build)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    setVersion: (version: 1 | 2) => {
      state.version = version;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
