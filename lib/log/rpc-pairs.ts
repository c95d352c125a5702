import type { Exchange } from '@/lib/report/schema';
import { findReply } from '@/lib/report/jsonrpc';

export interface RpcPair {
  /** The exchange that carried the request. */
  requestId: string;
  method: string;
  rpcId: string | number | undefined;
  /** Where the answer arrived: the same exchange, another (an SSE GET stream) or nowhere. */
  responseExchangeId: string | null;
  outcome: 'result' | 'error' | 'notification' | 'missing';
  result?: unknown;
  error?: { code: unknown; message: unknown; data?: unknown };
}

/**
 * Every JSON-RPC request the probe sent, paired with its answer by id (JSON-RPC 2.0 §5: the id
 * links them, not the HTTP exchange). Notifications carry no id and expect no answer.
 */
export function rpcPairs(exchanges: readonly Exchange[]): RpcPair[] {
  return exchanges.flatMap((exchange): RpcPair[] => {
    if (!exchange.rpc) return [];
    const base = { requestId: exchange.id, method: exchange.rpc.method, rpcId: exchange.rpc.id };
    if (exchange.rpc.id === undefined) {
      return [{ ...base, responseExchangeId: null, outcome: 'notification' }];
    }
    const reply = findReply(exchanges, exchange);
    if (!reply) return [{ ...base, responseExchangeId: null, outcome: 'missing' }];
    return reply.error
      ? [{ ...base, responseExchangeId: reply.exchangeId, outcome: 'error', error: reply.error }]
      : [
          {
            ...base,
            responseExchangeId: reply.exchangeId,
            outcome: 'result',
            result: reply.result,
          },
        ];
  });
}
