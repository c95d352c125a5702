import type { Exchange, Transcript } from '@/lib/report/schema';
import { excerpt, isSuccess, requestHeader, responseHeader } from './exchanges';
import { givenExchanges, mcpRequests } from './handshake';

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

/** A POST that carried the session id issued on `initialize`, and whether the server still knew it. */
export interface SessionUse {
  exchange: Exchange;
  kept: boolean;
}

/**
 * Every POST that carried `Mcp-Session-Id` (2025 era), in the order sent: kept when answered 2xx,
 * lost when answered 400/404 (as in `sessionFailures`); other answers say nothing about the session.
 */
export function sessionUses(t: Transcript): SessionUse[] {
  return mcpRequests(t).flatMap((exchange): SessionUse[] => {
    const status = exchange.response?.status;
    if (exchange.era === 'modern' || exchange.request.method !== 'POST') return [];
    if (status === undefined || requestHeader(exchange, 'mcp-session-id') === null) return [];
    if (isSuccess(status)) return [{ exchange, kept: true }];
    return status === 400 || status === 404 ? [{ exchange, kept: false }] : [];
  });
}

/**
 * The session came back after it was lost: some requests reach an instance that knows it and some
 * one that does not, which is replicas without shared sessions behind a load balancer. A session
 * kept and then lost for good is the server dropping it (connection.session).
 */
export const sessionComesAndGoes = (uses: readonly SessionUse[]): boolean =>
  uses.some((use, i) => use.kept && uses.slice(0, i).some((before) => !before.kept));

/** The `Mcp-Session-Id` issued on `initialize`, whether or not the SDK then kept the session open. */
export const issuedSessionId = (t: Transcript): string | null =>
  t.mcp?.sessionId ??
  givenExchanges(t)
    .map((x) => responseHeader(x, 'mcp-session-id'))
    .find((id) => id !== null) ??
  null;
