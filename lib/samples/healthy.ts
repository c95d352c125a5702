import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

/** A well-behaved server: several tools, each described and annotated as ChatGPT expects. */
export function healthyServer(): McpServer {
  const server = new McpServer({ name: 'sample-healthy', version: '1.0.0' });
  server.registerTool(
    'search_recipes',
    {
      title: 'Search recipes',
      description:
        'Searches the recipe catalogue by ingredient or dish name and returns up to ten matches.',
      inputSchema: {
        query: z.string().describe('Ingredient or dish name'),
        limit: z.number().int().min(1).max(10).optional(),
      },
      outputSchema: { results: z.array(z.object({ id: z.string(), title: z.string() })) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query }) => {
      const results = [{ id: 'r1', title: `Soup with ${query}` }];
      return {
        content: [{ type: 'text', text: JSON.stringify(results) }],
        structuredContent: { results },
      };
    },
  );
  server.registerTool(
    'get_recipe',
    {
      title: 'Get recipe',
      description:
        'Returns the full recipe (ingredients and steps) for a recipe id from search_recipes.',
      inputSchema: { id: z.string() },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ id }) => ({
      content: [{ type: 'text', text: `Recipe ${id}: boil water, add soup.` }],
    }),
  );
  server.registerTool(
    'save_favorite',
    {
      title: 'Save favourite',
      description:
        'Adds a recipe to the signed-in user’s favourites; saving the same recipe twice changes nothing.',
      inputSchema: { id: z.string() },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ id }) => ({ content: [{ type: 'text', text: `Saved ${id}.` }] }),
  );
  return server;
}
