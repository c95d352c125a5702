import type { Match } from './poisoning-schema';

/**
 * Characters a person reviewing a tool does not see but a model reads: Unicode tag characters
 * (U+E0000–E007F, which mirror ASCII one to one and render as nothing — "ASCII smuggling"),
 * bidi embeddings, overrides and isolates that reorder what is shown (Trojan Source,
 * CVE-2021-42574, https://trojansource.codes/), zero-width and other format characters, controls
 * (an ESC starts a terminal escape sequence) and runs of variation selectors, which can encode
 * arbitrary bytes after any character. Each has a legitimate use that is left alone: emoji tag
 * sequences (subdivision flags, UTS #51 §2.8 https://www.unicode.org/reports/tr51/#def_emoji_tag_sequence),
 * ZWJ inside emoji sequences, ZWJ/ZWNJ between letters of scripts that need them (Persian,
 * Indic), one variation selector after a character with standardized variants, and LRM/RLM in
 * right-to-left text.
 */

type Kind = 'tag-char' | 'bidi-override' | 'invisible-char';

const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI (Unicode Bidirectional Algorithm, UAX #9 §2).
const isBidiControl = (cp: number) =>
  (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isBidiMark = (cp: number) => cp === 0x200e || cp === 0x200f || cp === 0x061c;
const isVariationSelector = (cp: number) =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
// Render as blank but are letters (Lo), so \p{Cf} misses them.
const BLANK_LETTERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);
const ZWNJ = 0x200c;
const ZWJ = 0x200d;

const FORMAT = /^[\p{Cf}\p{Cc}]$/u;
const PICTOGRAPHIC = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const RTL_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
// Letters of scripts whose orthography uses ZWJ/ZWNJ (not Latin or Common, where they only hide).
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const LATIN_OR_COMMON = /^[\p{Script=Latin}\p{Script=Common}]$/u;
const SUBDIVISION_TAG = (cp: number) =>
  (cp >= 0xe0030 && cp <= 0xe0039) || (cp >= 0xe0061 && cp <= 0xe007a);
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

interface Cp {
  cp: number;
  index: number;
  ch: string;
}

function codePoints(text: string): Cp[] {
  const out: Cp[] = [];
  let index = 0;
  for (const ch of text) {
    out.push({ cp: ch.codePointAt(0) ?? 0, index, ch });
    index += ch.length;
  }
  return out;
}

/** An emoji tag sequence: 🏴 then 2–6 tag letters or digits then CANCEL TAG (England's flag). */
function emojiTagSequenceEnd(cps: Cp[], i: number): number | null {
  if (cps[i]?.cp !== BLACK_FLAG) return null;
  let j = i + 1;
  while (j < cps.length && SUBDIVISION_TAG(cps[j]?.cp ?? 0)) j++;
  const count = j - i - 1;
  return count >= 2 && count <= 6 && cps[j]?.cp === CANCEL_TAG ? j : null;
}

function joinerIsOrthographic(cps: Cp[], i: number): boolean {
  const prev = cps[i - 1];
  const next = cps[i + 1];
  if (!prev || !next) return false;
  // Emoji ZWJ sequences (👨‍👩‍👧), where U+FE0F may sit between the emoji and the ZWJ.
  if (
    cps[i]?.cp === ZWJ &&
    (PICTOGRAPHIC.test(prev.ch) || prev.cp === 0xfe0f) &&
    PICTOGRAPHIC.test(next.ch)
  )
    return true;
  return (
    JOINING_LETTER.test(prev.ch) &&
    JOINING_LETTER.test(next.ch) &&
    !LATIN_OR_COMMON.test(prev.ch) &&
    !LATIN_OR_COMMON.test(next.ch)
  );
}

function classify(cps: Cp[], i: number, rtl: boolean): Kind | null {
  const { cp } = cps[i] as Cp;
  if (isTag(cp)) return 'tag-char';
  if (isBidiControl(cp)) return 'bidi-override';
  if (isBidiMark(cp)) return rtl ? null : 'invisible-char';
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return null;
  if (cp === ZWJ || cp === ZWNJ) return joinerIsOrthographic(cps, i) ? null : 'invisible-char';
  if (isVariationSelector(cp)) {
    const prev = cps[i - 1];
    const next = cps[i + 1];
    const single =
      prev !== undefined &&
      !isVariationSelector(prev.cp) &&
      !/\s/u.test(prev.ch) &&
      !(next !== undefined && isVariationSelector(next.cp));
    return single ? null : 'invisible-char';
  }
  if (BLANK_LETTERS.has(cp) || cp === 0x00ad || FORMAT.test(cps[i]?.ch ?? ''))
    return 'invisible-char';
  return null;
}

const name = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function describe(kind: Kind, run: Cp[]): string {
  const first = run[0]?.cp ?? 0;
  const n = run.length;
  if (kind === 'tag-char') {
    const decoded = run
      .map(({ cp }) => (cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - 0xe0000) : ''))
      .join('');
    return decoded
      ? `${n} Unicode tag character${n === 1 ? '' : 's'}, invisible to people but read by models, spelling "${decoded.slice(0, 200)}${decoded.length > 200 ? '…' : ''}".`
      : `${n} Unicode tag character${n === 1 ? '' : 's'} (${name(first)}), invisible to people but read by models.`;
  }
  if (kind === 'bidi-override')
    return `Bidirectional control ${name(first)}${n > 1 ? ` and ${n - 1} more` : ''} reorders how the text is displayed, so what is shown differs from what the model reads.`;
  if (isVariationSelector(first))
    return `${n} variation selector${n === 1 ? '' : 's'} where none is needed: they render as nothing and can encode hidden bytes.`;
  return `Invisible character ${name(first)}${n > 1 ? ` and ${n - 1} more` : ''} hidden in the text.`;
}

/** Runs of smuggled characters in `text`, one match per run of the same kind. */
export function findInvisible(text: string): Match[] {
  // Most text is printable ASCII, which holds none of these characters.
  if (!/[^\x20-\x7e\t\n\r]/.test(text)) return [];
  const cps = codePoints(text);
  const rtl = RTL_LETTER.test(text);
  const matches: Match[] = [];
  let i = 0;
  while (i < cps.length) {
    const flagEnd = emojiTagSequenceEnd(cps, i);
    if (flagEnd !== null) {
      i = flagEnd + 1;
      continue;
    }
    const kind = classify(cps, i, rtl);
    if (!kind) {
      i++;
      continue;
    }
    const run: Cp[] = [cps[i] as Cp];
    let j = i + 1;
    while (j < cps.length && classify(cps, j, rtl) === kind) run.push(cps[j++] as Cp);
    const last = run[run.length - 1] as Cp;
    matches.push({
      kind,
      start: (run[0] as Cp).index,
      end: last.index + last.ch.length,
      detail: describe(kind, run),
    });
    i = j;
  }
  return matches;
}
