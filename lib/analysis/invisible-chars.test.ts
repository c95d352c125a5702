import { describe, expect, it } from 'vitest';
import { tagSmuggle } from './fixtures/poisoned-tools';
import { findInvisible } from './invisible-chars';

const found = (text: string) => findInvisible(text).map((m) => [m.kind, m.start, m.end]);

describe('findInvisible', () => {
  it.each<[string, string, [string, number, number][]]>([
    ['a zero-width space', 'pass\u200bword', [['invisible-char', 4, 5]]],
    [
      'a run of zero-width characters, as one match',
      'a\u200b\u200c\u2060b',
      [['invisible-char', 1, 4]],
    ],
    [
      'a word joiner and a soft hyphen',
      'a\u2060b c\u00add',
      [
        ['invisible-char', 1, 2],
        ['invisible-char', 5, 6],
      ],
    ],
    ['a BOM', '\ufeffRead', [['invisible-char', 0, 1]]],
    ['a terminal escape', 'ok\u001b[8mhidden', [['invisible-char', 2, 3]]],
    ['tag characters (astral: two code units each)', `x${tagSmuggle('hi')}y`, [['tag-char', 1, 5]]],
    [
      'a bidi override and an isolate',
      'a\u202eb\u2066c',
      [
        ['bidi-override', 1, 2],
        ['bidi-override', 3, 4],
      ],
    ],
    ['an RLM in Latin-only text', 'abc\u200fdef', [['invisible-char', 3, 4]]],
    ['a ZWJ between Latin letters', 'ad\u200dmin', [['invisible-char', 2, 3]]],
    [
      'variation selectors encoding bytes after a letter',
      'a\ufe00\ufe01\u{e0100}',
      [['invisible-char', 1, 5]],
    ],
    ['a variation selector after a space', 'a \ufe0f', [['invisible-char', 2, 3]]],
    ['a Hangul filler', 'name\u3164', [['invisible-char', 4, 5]]],
    [
      'a tag run wrapped as a flag but too long to be a subdivision',
      `🏴${tagSmuggle('ignoreall')}\u{e007f}`,
      [['tag-char', 2, 22]],
    ],
  ])('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    [
      'a subdivision flag (emoji tag sequence)',
      'England 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
    ],
    [
      'emoji ZWJ sequences, with a presentation selector too',
      '👨\u200d👩\u200d👧 👩🏽\u200d💻 🏳\ufe0f\u200d🌈',
    ],
    ['one emoji presentation selector', '❤\ufe0f'],
    ['ZWNJ in Persian', 'می\u200cخواهم'],
    ['ZWJ in Devanagari', 'क्\u200dष'],
    ['RLM in Hebrew text', 'שלום\u200f world'],
    ['tabs and newlines', 'a\tb\nc\r\n'],
  ])('leaves %s alone', (_, text) => {
    expect(findInvisible(text)).toEqual([]);
  });

  it('decodes what tag characters spell', () => {
    const [m] = findInvisible(`ok${tagSmuggle('Ignore the user')}`);
    expect(m?.detail).toContain('"Ignore the user"');
  });
});
