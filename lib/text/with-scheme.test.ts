import { describe, expect, it } from 'vitest';
import { withScheme } from './with-scheme';

describe('withScheme', () => {
  it.each([
    ['localhost:3000/mcp', 'http://localhost:3000/mcp'],
    ['127.0.0.1:8080/mcp', 'http://127.0.0.1:8080/mcp'],
    ['[::1]:3000/mcp', 'http://[::1]:3000/mcp'],
    ['example.com/mcp', 'https://example.com/mcp'],
    ['localhost.example.com/mcp', 'https://localhost.example.com/mcp'],
    ['  https://example.com/mcp ', 'https://example.com/mcp'],
    ['http://localhost:3000/mcp', 'http://localhost:3000/mcp'],
    ['ftp://example.com', 'ftp://example.com'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(withScheme(input)).toBe(output);
  });
});
