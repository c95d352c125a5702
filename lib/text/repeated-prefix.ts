/**
 * "MCP error -32602: MCP error -32602: Invalid arguments" → "MCP error -32602: Invalid arguments".
 * The SDK prefixes every McpError message with its code, and a server built on the SDK that
 * forwards an McpError's message gets the prefix twice (or more) by the time we show it.
 */
export function collapseRepeatedPrefix(message: string): string {
  return message.replace(/(MCP error -?\d+: )(?:\1)+/g, '$1');
}
