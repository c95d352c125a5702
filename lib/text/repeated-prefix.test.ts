import { describe, expect, it } from 'vitest';
import { collapseRepeatedPrefix } from './repeated-prefix';

describe('collapseRepeatedPrefix', () => {
  it.each([
    ['MCP error -32602: MCP error -32602: bad', 'MCP error -32602: bad'],
    ['MCP error -32602: MCP error -32602: MCP error -32602: bad', 'MCP error -32602: bad'],
    ['tools/call: MCP error -32000: MCP error -32000: x', 'tools/call: MCP error -32000: x'],
    // Different codes say different things: both stay.
    ['MCP error -32000: MCP error -32602: bad', 'MCP error -32000: MCP error -32602: bad'],
    [
      'resources/read ui://w: JSON-RPC error -32602: MCP error -32602: MCP error -32602: Resource ui://w not found',
      'resources/read ui://w: JSON-RPC error -32602: Resource ui://w not found',
    ],
    ['plain message', 'plain message'],
  ])('%s', (input, output) => {
    expect(collapseRepeatedPrefix(input)).toBe(output);
  });
});
