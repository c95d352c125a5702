import { defineCheck, pass } from '../define';
import { modernLegOf } from '../shared/blocked';
import { MODERN_ERROR_CODES } from '../shared/protocol-era';
import { described, isRefusal, refusalOf } from '../shared/refusal';

/**
 * Intermediaries route and rate-limit on the `Mcp-Method` / `Mcp-Name` headers while the server
 * executes the body: a server that accepts a header contradicting its body lets the two disagree
 * about what is being called. It MUST refuse with 400 and -32020 HeaderMismatch (MCP 2026-07-28
 * Streamable HTTP, "Server Validation"). The eras step sent `server/discover` under
 * `Mcp-Method: tools/list`.
 */
export default defineCheck({
  id: 'connection.header-validation',
  area: 'connection',
  severity: 'warning',
  title: 'The server refuses headers that contradict the body',
  failureTitle: 'The server accepts an Mcp-Method header that contradicts the body',
  fix: 'Compare Mcp-Method (and Mcp-Name, MCP-Protocol-Version) with the body before handling a request, and answer a mismatch with HTTP 400 and JSON-RPC error -32020 (HeaderMismatch). The TypeScript SDK v2 transports do this; a hand-written handler or a proxy that rewrites headers may not.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#server-validation',
  codes: ['accepted', 'wrong-refusal'],
  run(t) {
    const found = modernLegOf(t);
    if ('outcome' in found) return found.outcome;
    const refusal = refusalOf(t, found.leg, 'headerMismatch');
    if (!isRefusal(refusal)) return refusal;
    const evidence = [refusal.exchange.id];
    if (refusal.status !== null && refusal.status >= 200 && refusal.status < 300) {
      return {
        status: 'fail',
        code: 'accepted',
        message: `server/discover sent with Mcp-Method: tools/list was answered ${described(refusal)}: the server does not check the header against the body.`,
        evidence,
      };
    }
    if (refusal.status !== 400 || refusal.error?.code !== MODERN_ERROR_CODES.HeaderMismatch) {
      return {
        status: 'fail',
        code: 'wrong-refusal',
        severity: 'info',
        message: `A contradicting Mcp-Method header was refused ${described(refusal)}, not with HTTP 400 and -32020 HeaderMismatch.`,
        evidence,
      };
    }
    return pass('A contradicting Mcp-Method header is refused with 400 and -32020 HeaderMismatch');
  },
});
