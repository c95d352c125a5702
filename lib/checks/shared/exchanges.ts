import type { Exchange, HeaderList, Transcript } from '@/lib/report/schema';

/** A header's value (names are recorded lower-case); several values are joined as RFC 9110 §5.3 allows. */
export function headerValue(headers: HeaderList, name: string): string | null {
  const wanted = name.toLowerCase();
  const values = headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
  return values.length ? values.join(', ') : null;
}

export const responseHeader = (exchange: Exchange, name: string): string | null =>
  exchange.response ? headerValue(exchange.response.headers, name) : null;

export const requestHeader = (exchange: Exchange, name: string): string | null =>
  headerValue(exchange.request.headers, name);

/** The media type without parameters, lower-case (RFC 9110 §8.3.1), or null when absent. */
export function mediaType(exchange: Exchange): string | null {
  const value = responseHeader(exchange, 'content-type');
  if (value === null) return null;
  return value.split(';')[0]?.trim().toLowerCase() || null;
}

/** The exchanges with these ids, in recorded order. */
export function exchangesById(t: Transcript, ids: readonly string[]): Exchange[] {
  const wanted = new Set(ids);
  return t.exchanges.filter((x) => wanted.has(x.id));
}

export const exchangeById = (t: Transcript, id: string | null | undefined): Exchange | null =>
  (id && t.exchanges.find((x) => x.id === id)) || null;

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

export const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** `HTTP 404 Not Found`, or `HTTP 404` when the server sent no reason phrase. */
export function statusLine(exchange: Exchange): string {
  const response = exchange.response;
  if (!response) return 'no answer';
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

/** The request as a reader recognises it: `POST https://host/mcp`. */
export const requestLine = (exchange: Exchange): string =>
  `${exchange.request.method} ${exchange.request.url}`;

/** A bounded, one-line excerpt of untrusted text, for messages (the UI escapes it). */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Milliseconds as a reader wants them: `850 ms`, `3.2 s`. */
export const formatMs = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
