import type { Exchange, Transcript } from '@/lib/report/schema';
import { excerpt, requestHeader } from './exchanges';
import { mcpRequests } from './handshake';

/** A request the server refused over the session it issued or the protocol version it negotiated. */
export interface SessionFailure {
  kind: 'session-lost' | 'protocol-version-rejected';
  exchange: Exchange;
}

/**
 * POSTs that carried `Mcp-Session-Id` and got 400/404 (the server no longer knows the session it
 * issued: 404 is the spec's "session terminated", 400 what a server that never saw it answers), and
 * POSTs whose `MCP-Protocol-Version` header was refused with 400 (Spec 2025-11-25 transports,
 * session management and protocol version header). GETs are left out: a server without the
 * optional GET stream often answers it 404 by routing, which says nothing about sessions. The
 * 2026-07-28 leg has no sessions, and refuses some of its requests on purpose (the eras step).
 */
export function sessionFailures(t: Transcript): SessionFailure[] {
  const failures: SessionFailure[] = [];
  for (const exchange of mcpRequests(t).filter((x) => x.era !== 'modern')) {
    const status = exchange.response?.status;
    if (exchange.request.method !== 'POST' || (status !== 400 && status !== 404)) continue;
    const body = exchange.response?.body?.text ?? '';
    if (requestHeader(exchange, 'mcp-session-id') !== null) {
      failures.push({ kind: 'session-lost', exchange });
    } else if (
      status === 400 &&
      requestHeader(exchange, 'mcp-protocol-version') !== null &&
      /protocol[\s_-]*version/i.test(excerpt(body, 2000))
    ) {
      failures.push({ kind: 'protocol-version-rejected', exchange });
    }
  }
  return failures;
}
