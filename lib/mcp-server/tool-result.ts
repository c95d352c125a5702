import type { CallToolResult } from '@modelcontextprotocol/server';

/**
 * A tool result the model reads as a failure of the call (MCP 2025-11-25 server/tools, "Error
 * Handling": errors the model can act on are results with `isError: true`, not protocol errors).
 */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** A result with both renderings: text for the model and text-only hosts, data for widgets and agents. */
export function structured<T extends Record<string, unknown>>(
  text: string,
  data: T,
): CallToolResult & { structuredContent: T } {
  return { content: [{ type: 'text', text }], structuredContent: data };
}
