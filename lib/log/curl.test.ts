import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exchange } from '@/lib/checks/testing';
import { shellQuote, toCurl } from './curl';

/** What a real POSIX shell makes of the words: each argument on its own NUL-terminated line. */
const argsOf = (command: string): string[] =>
  execFileSync(
    '/bin/sh',
    ['-c', `printf '%s\\0' ${command.replace(/^curl /, '').replaceAll('\\\n', '')}`],
    {
      encoding: 'utf8',
    },
  )
    .split('\0')
    .slice(0, -1);

describe('shellQuote', () => {
  it.each([
    "it's",
    '$(touch /tmp/pwned)',
    '`id`',
    'line one\nline two',
    '"double" and \\ back',
    "'; rm -rf / #",
    '',
  ])('keeps %j literal in a real shell', (value) => {
    expect(argsOf(`curl ${shellQuote(value)}`)).toEqual([value]);
  });
});

describe('toCurl', () => {
  const body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"q":"it\'s $(x)"}}';
  const hostile = exchange({
    request: {
      method: 'post',
      url: "https://example.com/mcp?a=1&b='2'",
      headers: [
        ['content-type', 'application/json'],
        ['authorization', 'Bearer [redacted]'],
        ['content-length', '99'],
        ['x-evil', 'a\nb $(whoami)'],
      ],
      body: { text: body, bytes: body.length, truncated: false },
    },
  });

  it('builds a command a shell splits back into the recorded request', () => {
    const command = toCurl(hostile);
    expect(command.startsWith('curl ')).toBe(true);
    expect(argsOf(command)).toEqual([
      '-X',
      'POST',
      "https://example.com/mcp?a=1&b='2'",
      '-H',
      'content-type: application/json',
      '-H',
      'authorization: Bearer [redacted]',
      '-H',
      'x-evil: a\nb $(whoami)',
      '--data-raw',
      body,
    ]);
  });

  it('puts each option on its own continued line', () => {
    expect(toCurl(hostile).split(' \\\n  ')[0]).toBe(
      `curl -X 'POST' 'https://example.com/mcp?a=1&b='\\''2'\\'''`,
    );
  });

  it('leaves out the body when there is none', () => {
    const command = toCurl(
      exchange({
        request: { method: 'GET', url: 'https://example.com/', headers: [], body: null },
      }),
    );
    expect(argsOf(command)).toEqual(['-X', 'GET', 'https://example.com/']);
  });
});
