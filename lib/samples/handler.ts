import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

/**
 * Serves one stateless MCP server per request over the Web-standard Streamable HTTP transport, in
 * JSON response mode (closing per request would otherwise leave an empty event stream). GET and
 * DELETE are answered here: a stateless transport would hang on GET and answer DELETE with 200.
 */
export async function handleMcpRequest(
  request: Request,
  build: () => McpServer | Server,
): Promise<Response> {
  if (request.method !== 'POST') {
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'POST' } });
  }
  const server = build();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    void server.close();
  }
}
