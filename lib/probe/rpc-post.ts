import type { Era } from '@/lib/report/schema';
import type { Recorder } from './recorder';

export interface PostAnswer {
  exchangeId: string | null;
  /** null when no HTTP answer came (the error is on the exchange). */
  status: number | null;
  /** The `Mcp-Session-Id` the answer issued, if any. */
  sessionId: string | null;
}

/**
 * One JSON-RPC POST through the recorder with headers the caller chose (a probe that deliberately
 * differs from what the SDK sends, or that replays a session by hand), its answer read to the end
 * so the log keeps it; the recorder bounds the time and bytes, and keeps redirects unfollowed so
 * one request is one exchange.
 */
export async function postRpc(
  recorder: Recorder,
  url: URL,
  message: Record<string, unknown>,
  headers: Record<string, string>,
  era: Era = 'legacy',
): Promise<PostAnswer> {
  const pending = recorder.fetchFor(era)(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', ...message }),
    redirect: 'manual',
  });
  const exchangeId = recorder.lastId();
  try {
    const response = await pending;
    await response.text();
    return {
      exchangeId,
      status: response.status,
      sessionId: response.headers.get('mcp-session-id'),
    };
  } catch {
    // A failure is recorded on the exchange, where the checks read it.
    return {
      exchangeId,
      status: recorder.firstStatus(exchangeId ? [exchangeId] : []),
      sessionId: null,
    };
  }
}

/** Ends a session a probe request opened by accident (Spec transports, session management: DELETE). */
export async function endSession(recorder: Recorder, url: URL, sessionId: string): Promise<void> {
  await recorder
    .fetchFor('legacy')(url, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })
    .then((r) => r.body?.cancel())
    .catch(() => {});
}
