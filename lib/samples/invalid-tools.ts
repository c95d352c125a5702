import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ListToolsRequestSchema, type ListToolsResult } from '@modelcontextprotocol/sdk/types.js';

const SEARCH_SCHEMA = {
  type: 'object',
  properties: { query: { type: 'string', description: 'Words to look for' } },
  required: ['query'],
};

/**
 * Tools as a careless server lists them. Each entry breaks one rule of the spec's Tool definition
 * (2025-11-25 `server/tools`, including its tool-name rules) or of the Apps SDK guidance, except the
 * first two, which show that one bad tool must not hide the good ones.
 */
const TOOLS: unknown[] = [
  {
    name: 'search_docs',
    description: 'Searches the product documentation and returns the ten best-matching pages.',
    inputSchema: SEARCH_SCHEMA,
    annotations: { readOnlyHint: true },
  },
  {
    name: 'get_page',
    description: 'Returns the full text of one documentation page, by the id search_docs returned.',
    inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    annotations: { readOnlyHint: true },
  },
  {
    // The spec requires an object schema: arguments are always a JSON object.
    name: 'tag_pages',
    description: 'Adds the given tags to every page in the current selection of the documentation.',
    inputSchema: { type: 'array', items: { type: 'string' } },
  },
  {
    // `minimum` must be a number (JSON Schema validation §6.2.4): the schema does not compile.
    name: 'recent_pages',
    description:
      'Lists the documentation pages changed most recently, newest first, up to a limit.',
    inputSchema: { type: 'object', properties: { limit: { type: 'integer', minimum: 'one' } } },
    annotations: { readOnlyHint: true },
  },
  {
    // A second tool with the first one's name: clients keep one of them, unpredictably.
    name: 'search_docs',
    description: 'Searches the documentation archive of earlier product versions.',
    inputSchema: SEARCH_SCHEMA,
    annotations: { readOnlyHint: true },
  },
  {
    // Spaces are outside the characters the spec allows in a tool name (A-Z a-z 0-9 _ - .).
    name: 'get weather',
    description: 'Returns the weather forecast for the city where the documentation team works.',
    inputSchema: { type: 'object', properties: {} },
    annotations: { readOnlyHint: true },
  },
  {
    // No description: the model has nothing to choose this tool by.
    name: 'list_items',
    inputSchema: { type: 'object', properties: {} },
    annotations: { readOnlyHint: true },
  },
];

/**
 * Built on the SDK's low-level Server with a raw `tools/list` handler: `McpServer` refuses duplicate
 * names and generates valid schemas, so it cannot produce these mistakes.
 */
export function invalidToolsServer(): Server {
  const server = new Server(
    { name: 'sample-invalid-tools', version: '1.0.0' },
    { capabilities: { tools: {} } },
  );
  // Deliberately not a valid ListToolsResult; the SDK does not validate what a handler returns.
  server.setRequestHandler(
    ListToolsRequestSchema,
    () => ({ tools: TOOLS }) as unknown as ListToolsResult,
  );
  return server;
}
