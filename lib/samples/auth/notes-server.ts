import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

/** The MCP server behind the OAuth samples: what a signed-in user reaches. */
export function notesServer(): McpServer {
  const server = new McpServer({ name: 'sample-oauth-notes', version: '1.0.0' });
  server.registerTool(
    'list_notes',
    {
      title: 'List notes',
      description: 'Lists the signed-in user’s notes, newest first, with their ids and titles.',
      inputSchema: { limit: z.number().int().min(1).max(50).optional() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => ({
      content: [
        {
          type: 'text',
          text: JSON.stringify([{ id: 'n1', title: 'Welcome to the notes sample' }]),
        },
      ],
    }),
  );
  server.registerTool(
    'add_note',
    {
      title: 'Add note',
      description:
        'Adds a note with a title and a body to the signed-in user’s notes and returns its id.',
      inputSchema: { title: z.string().min(1).max(200), body: z.string().max(5000) },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    async ({ title }) => ({ content: [{ type: 'text', text: `Added "${title}" as n2.` }] }),
  );
  return server;
}
