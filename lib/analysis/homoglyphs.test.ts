import { describe, expect, it } from 'vitest';
import { findMixedScriptName, findMixedScriptWords, isMixedScript, scriptsOf } from './homoglyphs';

describe('UTS #39 mixed-script detection', () => {
  it('resolves Script_Extensions, with Common and Inherited counting as every script', () => {
    expect(scriptsOf('a')).toEqual(new Set(['Latin']));
    expect(scriptsOf('_')).toBe('all');
    expect(scriptsOf('7')).toBe('all');
    // Script_Extensions, not Script: ARABIC COMMA is Common but used by Arabic, Syriac, Thaana…
    expect(scriptsOf('\u060c')).toEqual(new Set(['Arabic', 'Thaana', 'Nko', 'Syriac']));
    // KATAKANA-HIRAGANA PROLONGED SOUND MARK: Script_Extensions {Hira, Kana}, augmented with Jpan.
    expect(scriptsOf('ー')).toEqual(new Set(['Hiragana', 'Katakana', 'Jpan']));
  });

  it.each([
    ['read_file', false],
    ['get-weather.v2', false],
    ['re\u0430d_file', true],
    ['\u03bfpen', true],
    ['検索ツール', false], // Han + Katakana share Jpan
    ['한국어漢字', false], // Hangul + Han share Kore
    ['search検索', true],
    ['поиск', false],
    ['café', false],
  ])('%s mixed: %s', (text, mixed) => {
    expect(isMixedScript(text)).toBe(mixed);
  });
});

describe('findMixedScriptName', () => {
  it('spans the letters outside the name’s main script and names them', () => {
    const [m] = findMixedScriptName('s\u0435nd_\u0435mail');
    expect(m).toMatchObject({ kind: 'mixed-script-name', start: 1, end: 6 });
    expect(m?.detail).toBe(
      "The name mixes Latin with Cyrillic: 'е' (U+0435, Cyrillic, looks like 'e'), 'е' (U+0435, Cyrillic, looks like 'e').",
    );
  });

  it('passes single-script names in any script', () => {
    expect(findMixedScriptName('поиск_файлов')).toEqual([]);
    expect(findMixedScriptName('read_file')).toEqual([]);
  });
});

describe('findMixedScriptWords', () => {
  it('flags a Latin word spelt with Cyrillic or Greek lookalikes, and a Cyrillic word with a Latin letter', () => {
    const text = 'Reads the c\u043enfig. Also \u03bfpen it. Пaроль here.';
    expect(findMixedScriptWords(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'c\u043enfig',
      '\u03bfpen',
      'Пaроль',
    ]);
  });

  it('leaves units, other languages and mixed sentences alone', () => {
    expect(
      findMixedScriptWords(
        'Latency in μs, mass in μg. Поиск in English. 東京 Tokyo. Straße. naïve.',
      ),
    ).toEqual([]);
  });
});
