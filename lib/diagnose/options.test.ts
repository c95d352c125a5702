import { describe, expect, it } from 'vitest';
import { parseCiOptions, requestOf, type CiOptions } from './options';

function options(input: Record<string, unknown>): CiOptions {
  const parsed = parseCiOptions(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
}

describe('parseCiOptions', () => {
  it('reads query-string values and JSON values alike', () => {
    const fromQuery = options({
      strict: '1',
      expectTools: 'a, b,,a',
      minTools: '2',
      skip: 'auth,widgets',
      format: 'junit',
      repeat: '5',
      timeoutMs: '5000',
      client: 'claude, chatgpt,claude',
    });
    const fromJson = options({
      strict: true,
      expectTools: ['a', 'b'],
      minTools: 2,
      skip: ['auth', 'widgets'],
      format: 'junit',
      repeat: 5,
      timeoutMs: 5000,
      client: ['claude', 'chatgpt'],
    });
    expect(fromQuery).toEqual({
      strict: true,
      expectTools: ['a', 'b'],
      minTools: 2,
      skip: ['widgets', 'auth'],
      format: 'junit',
      repeat: 5,
      timeoutMs: 5000,
      client: ['claude', 'chatgpt'],
    });
    expect(fromJson).toEqual(fromQuery);
  });

  it('defaults to a lenient single run', () => {
    expect(options({})).toEqual({ strict: false, expectTools: [], skip: [] });
  });

  it.each([
    [{ colour: 'red' }, /unknown option "colour"/],
    [{ repeat: '0' }, /repeat must be at least 1/],
    [{ repeat: 21 }, /repeat must be at most 20/],
    [{ repeat: '2.5' }, /repeat must be a whole number/],
    [{ minTools: 'many' }, /minTools must be a whole number/],
    [{ timeoutMs: 10 }, /timeoutMs must be at least 1000/],
    [{ skip: 'connection' }, /connection cannot be skipped/],
    [{ skip: 'tools,everything' }, /"everything" is not an area that can be skipped/],
    [{ format: 'xml' }, /must be one of json, junit, text, markdown, har/],
    [{ strict: 'yes' }, /must be 1, 0, true or false/],
    [{ expectTools: 'a', skip: 'tools' }, /skip leaves out/],
    [{ expectTools: ['x'.repeat(129)] }, /at most 128 characters/],
    [
      { client: 'gemini' },
      /client: "gemini" is unknown; the clients judged are chatgpt, claude, vscode, cursor, browser, generic/,
    ],
    [{ client: 'ChatGPT' }, /"ChatGPT" is unknown/],
    [{ client: ['claude', 'gemini'] }, /^client: "gemini" is unknown/],
  ])('refuses %j with a clear message', (input, message) => {
    const parsed = parseCiOptions(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('skips widgets with tools: widgets are declared in the tool list', () => {
    expect(options({ skip: 'tools' }).skip).toEqual(['tools', 'widgets']);
    expect(options({ skip: 'auth,tools' }).skip).toEqual(['tools', 'widgets', 'auth']);
  });

  it('becomes the request a transcript keeps', () => {
    expect(
      requestOf(
        options({ strict: '1', expectTools: 'a', minTools: '2', skip: 'auth', client: 'vscode' }),
      ),
    ).toEqual({
      strict: true,
      expectTools: ['a'],
      minTools: 2,
      skip: ['auth'],
      client: ['vscode'],
    });
    expect(requestOf(options({}))).toEqual({
      strict: false,
      expectTools: [],
      minTools: null,
      skip: [],
    });
  });
});
