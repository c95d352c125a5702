import { plural } from '@/lib/text/plural';
import { blocked, defineCheck, pass } from '../define';
import { blockedByHandshake, VERIFY } from '../shared/blocked';
import { excerpt, requestHeader, requestLine, statusLine } from '../shared/exchanges';
import { handshakeVerdict, mcpRequests } from '../shared/handshake';
import {
  issuedSessionId,
  sessionComesAndGoes,
  sessionFailures,
  sessionUses,
} from '../shared/session';

/** A session lost between requests (serverless, several instances) breaks every call after initialize. */
export default defineCheck({
  id: 'connection.session',
  area: 'connection',
  severity: 'error',
  title: 'The server keeps the session it issues',
  failureTitle: 'The server loses its session between requests',
  fix: 'The session store does not survive between requests: on serverless or several instances, keep sessions in shared storage (or pin clients to one instance), or run the server stateless (no Mcp-Session-Id).',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management',
  codes: ['session-lost', 'protocol-version-rejected'],
  run(t) {
    const verdict = handshakeVerdict(t);
    if (verdict.kind !== 'answered') return blockedByHandshake(t, 'initialize was not answered');
    const failures = sessionFailures(t);
    const lost = failures.filter((f) => f.kind === 'session-lost');
    const first = lost[0]?.exchange;
    // Lost and then kept again: replicas without shared sessions, connection.session-affinity's.
    const uses = sessionUses(t);
    if (first && sessionComesAndGoes(uses)) {
      return blocked(
        'connection.session-affinity',
        'skipped: the session is lost only on some requests (see connection.session-affinity)',
        VERIFY.connection,
      );
    }
    if (first) {
      const method = first.rpc?.method ?? 'the request';
      const all =
        lost.length > 1 ? `; ${lost.length} of ${uses.length} requests with it got 400 or 404` : '';
      return {
        status: 'fail',
        code: 'session-lost',
        message: `${method} with the Mcp-Session-Id issued on initialize got ${statusLine(first)} (${requestLine(first)}): the server no longer knows its own session${all}.`,
        evidence: lost.map((f) => f.exchange.id),
      };
    }
    const rejected = failures[0]?.exchange;
    if (rejected) {
      const version = requestHeader(rejected, 'mcp-protocol-version');
      return {
        status: 'fail',
        code: 'protocol-version-rejected',
        message: `${rejected.rpc?.method ?? 'A request'} with MCP-Protocol-Version: ${version} got ${statusLine(rejected)} ("${excerpt(rejected.response?.body?.text ?? '', 100)}"), though the server negotiated that version.`,
        fix: 'Accept the MCP-Protocol-Version header carrying the version negotiated in initialize; a proxy or an older SDK may reject it.',
        evidence: failures.map((f) => f.exchange.id),
      };
    }
    if (verdict.attempt.transport === 'sse')
      return pass('legacy HTTP+SSE: the session lives on the open stream');
    if (!issuedSessionId(t)) return pass('no session id issued: the server is stateless');
    const later = mcpRequests(t).filter(
      (x) => requestHeader(x, 'mcp-session-id') !== null && x.response,
    ).length;
    return pass(`the session issued on initialize held for ${plural(later, 'later request')}`);
  },
});
