import { describe, expect, it } from 'vitest';
import { parseTarget } from './target';

describe('parseTarget', () => {
  it('accepts an https URL with headers and a token', () => {
    const parsed = parseTarget({
      url: ' https://example.com/mcp ',
      headers: { 'X-Key': 'v' },
      token: 'Bearer abc',
      timeoutMs: '5000',
    });
    expect(parsed).toMatchObject({
      ok: true,
      target: { headers: { 'X-Key': 'v' }, token: 'abc', timeoutMs: 5000 },
    });
    expect(parsed.ok && parsed.target.url.href).toBe('https://example.com/mcp');
  });

  it.each([
    [{}, 'url is required'],
    [{ url: '' }, 'url is required'],
    [{ url: 'not a url' }, 'is not an absolute URL'],
    [{ url: 'ftp://example.com/' }, 'unsupported scheme "ftp:"'],
    [{ url: 'javascript:alert(1)' }, 'unsupported scheme'],
    [{ url: 'https://e.com', extra: 1 }, 'extra'],
    [{ url: 'https://e.com', headers: { 'bad name': 'v' } }, 'not a valid header name'],
    [{ url: 'https://e.com', headers: { 'X-A': 'v\r\nX-B: injected' } }, 'line break'],
    [{ url: 'https://e.com', headers: { Host: 'evil' } }, 'set by MCP Doctor'],
    [{ url: 'https://e.com', headers: 'x' }, 'headers'],
    [{ url: 'https://e.com', timeoutMs: 10 }, 'at least'],
    [{ url: 'https://e.com', timeoutMs: 'soon' }, 'timeoutMs'],
    [{ url: 42 }, 'url'],
  ])('rejects %j with a clear message', (input, message) => {
    const parsed = parseTarget(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});
