import { describe, expect, it } from 'vitest';
import { escapeInvisible, evidence } from './escape';

describe('escapeInvisible', () => {
  it.each([
    ['zero-width space', 'a\u200bb', 'a\\u200bb'],
    [
      'tag characters, astral, as one escape per code point',
      '\u{e0041}\u{e0042}',
      '\\u{e0041}\\u{e0042}',
    ],
    ['bidi override', 'x\u202ey', 'x\\u202ey'],
    ['controls: newline, ESC', 'a\n\u001b[2J', 'a\\u000a\\u001b[2J'],
    ['spaces other than U+0020', 'a\u00a0b\u3000c', 'a\\u00a0b\\u3000c'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['variation selectors', '\u2764\ufe0f', '\u2764\\ufe0f'],
    ['Hangul filler', '\u3164', '\\u3164'],
  ])('escapes %s', (_, input, expected) => {
    expect(escapeInvisible(input)).toBe(expected);
  });

  it('leaves visible text alone, other scripts and emoji included', () => {
    const text = 'Read a file — читать файл, 検索 😀 (x < y) "q" \\n';
    expect(escapeInvisible(text)).toBe(text);
  });
});

describe('evidence', () => {
  it('shows the match and some text either side, escaped', () => {
    const text = `${'a'.repeat(50)}\u200b${'b'.repeat(50)}`;
    expect(evidence(text, 50, 51)).toEqual({
      text: '\\u200b',
      context: `…${'a'.repeat(40)}\\u200b${'b'.repeat(40)}…`,
    });
  });

  it('bounds a long match by keeping its head and tail', () => {
    const text = 'x'.repeat(100) + 'y'.repeat(100);
    const { text: shown } = evidence(text, 0, 200);
    expect(shown).toBe(`${'x'.repeat(80)}…${'y'.repeat(80)}`);
  });

  it('never splits a surrogate pair at a bound', () => {
    // The context would start 40 code units before the '!': on the tag character's low surrogate.
    const text = `${'a'.repeat(10)}\u{e0041}${'b'.repeat(39)}!`;
    const bang = text.length - 1;
    const { context } = evidence(text, bang, bang + 1);
    expect(context).toBe(`…\\u{e0041}${'b'.repeat(39)}!`);
    expect(context).not.toMatch(/[\ud800-\udfff]/);
  });
});
