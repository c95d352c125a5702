import type { Transcript } from '@/lib/report/schema';
import type { Redactor } from './redact';

/** Nesting kept in anything remote outside the exchanges; no real schema comes near it. */
export const MAX_JSON_DEPTH = 200;
const TOO_DEEP = `[nested deeper than ${MAX_JSON_DEPTH} levels; cut by MCP Doctor]`;

/**
 * The exchanges are redacted by the recorder's snapshot, but the rest of the transcript holds live
 * values: tools as the SDK parsed them, attempt URLs, error messages that quote a body. A server
 * that echoes a credential back (in a tool description, an error page) would leak it into the
 * report, so every string and key there goes through the redactor too. Nesting is bounded on the
 * way: a hostile server can send JSON nested so deep that `JSON.stringify` of the report overflows
 * the stack, and the report must always serialize.
 */
export function scrubTranscript(transcript: Transcript, redactor: Redactor): void {
  const { exchanges, ...rest } = transcript;
  Object.assign(transcript, scrub(rest, redactor, 0), { exchanges });
}

export function scrub(value: unknown, redactor: Redactor, depth = 0): unknown {
  if (typeof value === 'string') return redactor.text(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => scrub(item, redactor, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      redactor.text(key),
      scrub(item, redactor, depth + 1),
    ]),
  );
}
