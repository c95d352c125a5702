import { escapeInvisible } from './escape';

const SIDE = 60;

/** Offsets where each line of `text` starts, computed once per text. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The text of `line` around `column` (both 1-based), escaped and bounded: a minified bundle is
 * one line of megabytes, and the excerpt shows just the reference.
 */
export function excerptAt(text: string, starts: number[], line: number, column: number): string {
  const start = starts[line - 1];
  if (start === undefined) return '';
  const end = starts[line] ?? text.length;
  const lineText = text.slice(start, end).replace(/\r?\n$/, '');
  const from = Math.max(0, column - 1 - SIDE);
  const to = Math.min(lineText.length, column - 1 + SIDE);
  const shown = escapeInvisible(lineText.slice(from, to)).trim();
  return `${from > 0 ? '…' : ''}${shown}${to < lineText.length ? '…' : ''}`;
}
