import type { Exchange } from '@/lib/report/schema';

/**
 * One POSIX shell word: single quotes keep everything literal (`$(…)`, backticks, newlines); a single
 * quote itself closes the string, adds an escaped quote and reopens it (POSIX.1 XCU 2.2.2).
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Headers curl computes itself; copying them would send a wrong length once the body is edited.
 */
const COMPUTED = new Set(['content-length', 'host', 'connection']);

/**
 * The exchange's request as a curl command. Values are the recorded ones, so redacted secrets stay
 * the `[redacted]` placeholder and must be filled in by the reader.
 */
export function toCurl(exchange: Exchange): string {
  const { method, url, headers, body } = exchange.request;
  // One option per line, so a long JSON-RPC body does not hide the headers.
  const lines = [`curl -X ${shellQuote(method.toUpperCase())} ${shellQuote(url)}`];
  for (const [name, value] of headers) {
    if (COMPUTED.has(name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (body && body.text !== '') lines.push(`--data-raw ${shellQuote(body.text)}`);
  return lines.join(' \\\n  ');
}
