import type { Exchange } from '@/lib/report/schema';

/**
 * How an exchange went, for colouring the raw log: `ok`, `failed`, or `expected` — an answer that
 * is not 2xx but is what a healthy server says to that request (the log shows it neutral, with why).
 */
export type ExchangeOutcome = { kind: 'ok' | 'failed' } | { kind: 'expected'; why: string };

const header = (headers: readonly (readonly [string, string])[], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

/** Steps whose requests are deliberate experiments: a refusal is the answer they look for. */
const PROBING_STEPS: ReadonlySet<Exchange['step']> = new Set(['negotiation', 'exposure', 'eras']);

export function exchangeOutcome(exchange: Exchange): ExchangeOutcome {
  const { request, response, error } = exchange;
  if (error?.code === 'aborted' && /closed by MCP Doctor/.test(error.message)) {
    return { kind: 'expected', why: 'MCP Doctor closed this stream itself' };
  }
  if (error || !response) return { kind: 'failed' };
  const { status } = response;
  if (status < 400) return { kind: 'ok' };
  if (PROBING_STEPS.has(exchange.step)) {
    return { kind: 'expected', why: 'a deliberate probe: the refusal is the answer it looks for' };
  }
  // MCP Streamable HTTP: a server that offers no GET stream answers 405 (spec, "Listening for Messages").
  if (request.method === 'GET' && status === 405) {
    return { kind: 'expected', why: 'the optional GET stream is not offered, as the spec allows' };
  }
  // A 2025-only server does not know the 2026-07-28 discovery request and says so.
  if (exchange.rpc?.method === 'server/discover' && status === 400) {
    return { kind: 'expected', why: 'a 2025 server refusing the 2026-07-28 discovery request' };
  }
  // RFC 6750 §3: the challenge that starts sign-in, when no credentials were sent.
  if (
    status === 401 &&
    header(response.headers, 'www-authenticate') !== undefined &&
    header(request.headers, 'authorization') === undefined
  ) {
    return { kind: 'expected', why: 'asks for sign-in: no token was sent' };
  }
  return { kind: 'failed' };
}
