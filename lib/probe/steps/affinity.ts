import { findReply } from '@/lib/report/jsonrpc';
import type { Exchange } from '@/lib/report/schema';
import { ok, skipped, type ProbeStep } from '../context';
import { postRpc } from '../rpc-post';

/** Requests made with the session: enough to see a load balancer alternate, few enough to be polite. */
export const AFFINITY_REQUESTS = 5;

const header = (headers: readonly [string, string][], name: string): string | null =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;

/**
 * The session issued on `initialize`, used for a handful of `ping`s (Spec 2025-11-25 basic/
 * utilities/ping: always answered, cheap), each with the `Mcp-Session-Id` and the negotiated
 * `MCP-Protocol-Version`, as a client sends them. A server behind replicas that do not share
 * sessions keeps some and loses others; one that keeps none loses them all. Made by hand rather
 * than through the SDK session, so it runs even when the SDK gave up on the handshake because the
 * session was lost at once; no cookie is sent back, as most MCP clients send none. The 2026-07-28 era
 * has no sessions, and a legacy HTTP+SSE session lives on its stream: neither is probed.
 */
export const affinityStep: ProbeStep = {
  id: 'affinity',
  async run({ url, transcript, recorder }) {
    const given = transcript.mcp?.attempts.find(
      (a) => !a.guessed && a.era === 'legacy' && a.transport === 'streamable-http',
    );
    const ids = new Set(given?.exchangeIds ?? []);
    const exchanges = recorder.snapshot();
    const init = exchanges.find(
      (x: Exchange) =>
        ids.has(x.id) &&
        x.rpc?.method === 'initialize' &&
        x.response !== null &&
        x.response.status >= 200 &&
        x.response.status < 300,
    );
    const sessionId = init?.response ? header(init.response.headers, 'mcp-session-id') : null;
    if (!init || !sessionId) {
      return skipped(
        'skipped: initialize issued no Mcp-Session-Id (a stateless server, or no 2025 session)',
      );
    }
    const result = findReply(exchanges, init)?.result as { protocolVersion?: unknown } | undefined;
    const version = result?.protocolVersion;
    if (typeof version !== 'string' || sessionId.includes('[redacted]')) {
      return skipped(
        'skipped: the session id or the negotiated protocol version could not be read',
      );
    }
    // At once, each on a connection of its own when the pool opens one: what a busy client does,
    // and a load balancer spreads them the same way. Numbered in order, as they are sent in order.
    const answers = await Promise.all(
      Array.from({ length: AFFINITY_REQUESTS }, (_, i) =>
        postRpc(
          recorder,
          url,
          { id: `mcp-doctor-affinity-${i + 1}`, method: 'ping' },
          {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-session-id': sessionId,
            'mcp-protocol-version': version,
          },
        ),
      ),
    );
    const statuses = answers.map((a) => (a.status === null ? 'no answer' : String(a.status)));
    return ok(`${AFFINITY_REQUESTS} pings with the session: ${statuses.join(', ')}`);
  },
};
