/**
 * Shows text from a remote server so that nothing in it hides: every invisible, formatting or
 * control character becomes a visible `\uXXXX` escape (`\u{XXXXX}` past the BMP), so evidence
 * of smuggled characters can be read, copied and compared. Tool-poisoning attacks hide
 * instructions in exactly these characters: Unicode tag characters (U+E0000–E007F, which spell
 * ASCII and render as nothing), zero-width characters and bidi controls (Trojan Source,
 * CVE-2021-42574, https://trojansource.codes/).
 */

/**
 * Characters escaped in evidence: controls (Cc), formats (Cf: zero-width, bidi, tags), line and
 * paragraph separators, private use, unassigned and lone surrogates, spaces other than U+0020,
 * variation selectors (they can carry hidden bytes after any character) and the Hangul fillers
 * and blank Braille pattern, which render as nothing.
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

const hex = (cp: number) => cp.toString(16).padStart(4, '0');

/** `text` with every invisible or control character written as `\uXXXX` (or `\u{XXXXX}`). */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return cp > 0xffff ? `\\u{${hex(cp)}}` : `\\u${hex(cp)}`;
  });
}

/** Moves an index off the second half of a surrogate pair, so a slice never splits a character. */
function atCodePoint(text: string, index: number): number {
  const i = Math.max(0, Math.min(text.length, index));
  const code = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  return code >= 0xdc00 && code <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff ? i - 1 : i;
}

/** How much of a long match, and how much text either side of it, evidence shows. */
const MAX_MATCH_CHARS = 160;
const CONTEXT_CHARS = 40;

/**
 * Evidence for `text[start, end)`: the match itself and the match with some text either side,
 * both escaped and bounded (a long match keeps its head and tail around `…`).
 */
export function evidence(
  text: string,
  start: number,
  end: number,
): { text: string; context: string } {
  const s = atCodePoint(text, start);
  const e = atCodePoint(text, end);
  const bounded = (from: number, to: number) => {
    if (to - from <= MAX_MATCH_CHARS) return escapeInvisible(text.slice(from, to));
    const half = MAX_MATCH_CHARS / 2;
    return `${escapeInvisible(text.slice(from, atCodePoint(text, from + half)))}…${escapeInvisible(
      text.slice(atCodePoint(text, to - half), to),
    )}`;
  };
  const before = atCodePoint(text, s - CONTEXT_CHARS);
  const after = atCodePoint(text, e + CONTEXT_CHARS);
  const context =
    (before > 0 ? '…' : '') +
    escapeInvisible(text.slice(before, s)) +
    bounded(s, e) +
    escapeInvisible(text.slice(e, after)) +
    (after < text.length ? '…' : '');
  return { text: bounded(s, e), context };
}
