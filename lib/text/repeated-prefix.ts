/**
 * "MCP error -32602: MCP error -32602: Invalid arguments" → "MCP error -32602: Invalid arguments",
 * and "JSON-RPC error -32602: MCP error -32602: …" → "JSON-RPC error -32602: …". The SDK prefixes
 * every McpError message with its code, and a server built on the SDK that forwards an McpError's
 * message gets the prefix twice (or more) by the time we show it.
 */
export function collapseRepeatedPrefix(message: string): string {
  return message.replace(/((?:JSON-RPC|MCP) error (-?\d+): )(?:MCP error \2: )+/g, '$1');
}
