import type { Exchange, HeaderList } from '@/lib/report/schema';

/**
 * Bounded views of a recorded response for the edge matchers. Everything here reads remote text,
 * so every read is capped: the body is scanned only in its first `BODY_SCAN_CHARS` characters and
 * every quoted line is cut to `EVIDENCE_MAX` characters. (lib/checks/shared/exchanges.ts has a
 * header lookup too; lib/edges sits below the checks and must not import from them.)
 */

/** Edge pages name themselves early (title, first heading); 32 KB covers every recorded fixture. */
export const BODY_SCAN_CHARS = 32 * 1024;
/** Longest evidence line kept, in characters. */
export const EVIDENCE_MAX = 200;
/** A header value longer than this is only tested in its first part (Node caps headers at 16 KB). */
const HEADER_SCAN_CHARS = 2 * 1024;

/** Every value of a header, in recorded order (RFC 9110 §5.3 allows a field to repeat). */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers
    .filter(([n]) => n.toLowerCase() === wanted)
    .map(([, v]) => v.slice(0, HEADER_SCAN_CHARS));
}

export const firstHeader = (headers: HeaderList, name: string): string | null =>
  headerValues(headers, name)[0] ?? null;

/** The part of the response body the matchers may read. */
export const scannedBody = (exchange: Exchange): string =>
  (exchange.response?.body?.text ?? '').slice(0, BODY_SCAN_CHARS);

/** One line of untrusted text, whitespace collapsed and cut to `max` characters. */
export function boundedLine(text: string, max = EVIDENCE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `name: value`, as the header appeared on the wire (names are recorded lower-case). */
export const headerLine = (name: string, value: string): string =>
  boundedLine(`${name.toLowerCase()}: ${value}`);

/**
 * The line of `text` that holds the match at [index, index + length), trimmed. A minified page is
 * one long line: then a window around the match is kept, so the quote always shows what matched.
 */
export function lineAround(text: string, index: number, length: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const newline = text.indexOf('\n', index + length);
  const end = newline === -1 ? text.length : newline;
  const line = text.slice(start, end).trim();
  if (line.length <= EVIDENCE_MAX) return boundedLine(line);
  const margin = Math.max(0, Math.floor((EVIDENCE_MAX - length) / 2));
  const from = Math.max(start, index - margin);
  const to = Math.min(end, from + EVIDENCE_MAX - 2);
  const cut = text.slice(from, to);
  return boundedLine(`${from > start ? '…' : ''}${cut}${to < end ? '…' : ''}`, EVIDENCE_MAX + 2);
}

/** The request's host name, lower-case, or '' when the recorded URL does not parse. */
export function requestHost(exchange: Exchange): string {
  try {
    return new URL(exchange.request.url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** `HTTP 503 Service Unavailable`, or `HTTP 503` when no reason phrase was recorded. */
export function statusText(exchange: Exchange): string {
  const response = exchange.response;
  if (!response) return '';
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}
