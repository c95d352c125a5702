import { isRecord } from '@/lib/json/is-record';
import { responseMessages } from '@/lib/report/jsonrpc';
import type { Exchange, ModernLeg, Transcript } from '@/lib/report/schema';
import { blocked, type Outcome } from '../define';
import { exchangeById, statusLine } from './exchanges';

/** What the server answered to one of the eras step's refusal probes. */
export interface Refusal {
  exchange: Exchange;
  status: number | null;
  /** The JSON-RPC error in the body, when there is one. */
  error: { code: number; message: string; data: unknown } | null;
  /** "HTTP 200 OK", or the transport error. */
  answer: string;
}

/**
 * The refusal probe of one kind, or why its check cannot judge it: the eras step did not send it
 * (the run ran out of time, or never reached the 2026-07-28 leg).
 */
export function refusalOf(
  t: Transcript,
  leg: ModernLeg,
  kind: keyof ModernLeg['conformance'],
): Refusal | Outcome<never> {
  const exchange = exchangeById(t, leg.conformance[kind]);
  if (!exchange) {
    return blocked(
      'connection.latency',
      'skipped: the probe request was not sent: the run ended before the 2026-07-28 leg was probed',
    );
  }
  let error: Refusal['error'] = null;
  for (const message of responseMessages(exchange)) {
    if (!isRecord(message) || !isRecord(message.error)) continue;
    const { code, message: text, data } = message.error;
    if (typeof code === 'number') {
      error = { code, message: typeof text === 'string' ? text : '', data };
      break;
    }
  }
  return {
    exchange,
    status: exchange.response?.status ?? null,
    error,
    answer: exchange.response ? statusLine(exchange) : (exchange.error?.message ?? 'no answer'),
  };
}

export const isRefusal = (value: Refusal | Outcome<never>): value is Refusal => 'exchange' in value;

/** "400 with -32020 (\"…\")" for messages. */
export const described = (r: Refusal): string =>
  `${r.answer}${r.error ? ` with JSON-RPC error ${r.error.code}${r.error.message ? ` ("${r.error.message.slice(0, 100)}")` : ''}` : ' and no JSON-RPC error'}`;
