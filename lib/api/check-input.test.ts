import { describe, expect, it } from 'vitest';
import { parseCheckInput, parseCheckQuery } from './check-input';

const query = (q: string) => parseCheckQuery(new URLSearchParams(q));

describe('parseCheckQuery', () => {
  it.each([
    ['strict=1', true],
    ['strict=true', true],
    ['strict=0', false],
    ['strict=false', false],
    ['', false],
  ])('reads %s as strict=%s', (extra, strict) => {
    const parsed = query(
      `url=${encodeURIComponent('http://localhost:3100/samples/healthy/mcp')}&${extra}`,
    );
    expect(parsed).toMatchObject({ ok: true, options: { strict } });
    expect(parsed.ok && parsed.target.url.href).toBe('http://localhost:3100/samples/healthy/mcp');
  });

  it('passes timeoutMs through as a number', () => {
    const parsed = query('url=http://localhost/mcp&timeoutMs=5000');
    expect(parsed.ok && parsed.target.timeoutMs).toBe(5000);
  });

  it.each([
    ['', /url: missing/],
    ['url=ftp://x', /unsupported scheme "ftp:"/],
    ['url=not%20a%20url', /"not a url" is not an absolute URL/],
    ['url=http://localhost/mcp&strict=yes', /strict: must be 1, 0, true or false/],
    ['url=http://localhost/mcp&verbose=1', /verbose/],
    ['url=http://localhost/mcp&url=http://localhost/other', /url is given more than once/],
    ['url=http://localhost/mcp&token=abc', /only in a POST body/],
    ['url=http://localhost/mcp&timeoutMs=10', /timeoutMs must be at least/],
    ['url=http://localhost/mcp&format=xml', /format: must be one of json, junit, text/],
    ['url=http://localhost/mcp&repeat=500', /repeat must be at most 20/],
    ['url=http://localhost/mcp&skip=connection', /connection cannot be skipped/],
    ['url=http://localhost/mcp&minTools=zero', /minTools must be a whole number/],
    [
      'url=http://localhost/mcp&client=gemini',
      /client: "gemini" is unknown; the clients judged are chatgpt, claude, vscode, cursor, browser, generic/,
    ],
  ])('refuses %j', (q, message) => {
    const parsed = query(q);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('reads the CI options shared with the CLI', () => {
    const parsed = query(
      'url=http://localhost/mcp&expectTools=a,b&minTools=2&skip=auth,widgets&format=junit&repeat=3&client=claude',
    );
    expect(parsed).toMatchObject({
      ok: true,
      options: {
        expectTools: ['a', 'b'],
        minTools: 2,
        skip: ['widgets', 'auth'],
        format: 'junit',
        repeat: 3,
        strict: false,
        client: ['claude'],
      },
    });
  });
});

describe('parseCheckInput', () => {
  it('accepts the full JSON input', () => {
    const parsed = parseCheckInput({
      url: 'https://example.com/mcp',
      headers: { 'X-Team': 'blue' },
      token: 'Bearer abcdef123',
      strict: true,
      timeoutMs: 2000,
      client: 'vscode',
    });
    expect(parsed).toMatchObject({
      ok: true,
      options: { strict: true, client: ['vscode'] },
      target: { headers: { 'X-Team': 'blue' }, token: 'abcdef123', timeoutMs: 2000 },
    });
  });

  it.each([
    [null, /must be a JSON object/],
    [[], /must be a JSON object/],
    ['https://example.com/mcp', /must be a JSON object/],
    [{ url: 42 }, /url: must be a string/],
    [{ url: 'https://example.com/mcp', strict: 2 }, /strict: must be/],
    [{ url: 'https://example.com/mcp', headers: 'x' }, /headers/],
    [{ url: 'https://example.com/mcp', extra: true }, /extra/],
    [
      { url: 'https://example.com/mcp', client: ['claude', 'gemini'] },
      /client: "gemini" is unknown/,
    ],
  ])('refuses %j', (input, message) => {
    const parsed = parseCheckInput(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
