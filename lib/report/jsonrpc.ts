import type { Exchange } from './schema';

/** The JSON-RPC messages in an exchange's response: one JSON body, a batch, or SSE `message` events. */
export function responseMessages(exchange: Exchange): unknown[] {
  const body = exchange.response?.body;
  if (!body || body.truncated) return [];
  const texts = body.events
    ? body.events.filter((e) => e.event === 'message').map((e) => e.data)
    : [body.text];
  const messages: unknown[] = [];
  for (const text of texts) {
    try {
      const parsed: unknown = JSON.parse(text);
      messages.push(...(Array.isArray(parsed) ? parsed : [parsed]));
    } catch {
      // Not JSON: the checks report the body as it is.
    }
  }
  return messages;
}

export interface JsonRpcReply {
  exchangeId: string;
  result?: unknown;
  error?: { code: unknown; message: unknown; data?: unknown };
}

/**
 * The reply to the request with this JSON-RPC method, looked up by id among every exchange's
 * response (legacy SSE servers answer on the GET stream, not on the POST).
 */
export function findReply(exchanges: readonly Exchange[], request: Exchange): JsonRpcReply | null {
  const id = request.rpc?.id;
  if (id === undefined) return null;
  for (const exchange of [request, ...exchanges.filter((x) => x !== request)]) {
    for (const message of responseMessages(exchange)) {
      if (!message || typeof message !== 'object') continue;
      const m = message as Record<string, unknown>;
      if (m.id !== id || 'method' in m) continue;
      if ('error' in m && m.error && typeof m.error === 'object') {
        return { exchangeId: exchange.id, error: m.error as JsonRpcReply['error'] };
      }
      if ('result' in m) return { exchangeId: exchange.id, result: m.result };
    }
  }
  return null;
}
