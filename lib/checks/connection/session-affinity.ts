import { setCookies } from '@/lib/edges/affinity-cookies';
import { plural } from '@/lib/text/plural';
import { blocked, defineCheck, notApplicable, pass } from '../define';
import { blockedByHandshake, VERIFY } from '../shared/blocked';
import { requestLine, statusLine } from '../shared/exchanges';
import { givenExchanges, handshakeVerdict } from '../shared/handshake';
import { issuedSessionId, sessionComesAndGoes, sessionUses } from '../shared/session';

const SESSIONS =
  'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management';

/** The cookies the handshake's answers set, named (values are never kept), affinity ones marked. */
function cookieNote(exchanges: ReturnType<typeof givenExchanges>): string {
  const cookies = exchanges.flatMap((x) => (x.response ? setCookies(x.response.headers) : []));
  const affinity = cookies.filter((c) => c.balancer);
  if (affinity.length > 0) {
    const names = affinity.map((c) => `${c.name} (${c.balancer})`).join(', ');
    return ` The answers set ${names}: cookie stickiness is on, but most MCP clients send no cookies back (mcp-remote does), so it cannot hold their session.`;
  }
  if (cookies.length > 0) {
    return ` The answers set cookies (${cookies.map((c) => c.name).join(', ')}), which most MCP clients do not send back.`;
  }
  return '';
}

/**
 * Several instances behind a load balancer, each with its own sessions: a client's requests reach
 * the instance that issued its session only some of the time, and fail with "session not found" the
 * rest (the probe's `affinity` step uses the session a few times to see it). A session that is
 * never kept is connection.session's finding; this check names the intermittent case, which has
 * its own fix. Sources: modelcontextprotocol/modelcontextprotocol#325, mcp-use/mcp-use#153,
 * agentic-community/mcp-gateway-registry#960 and #1101, mercuretechnologies/xprem#149,
 * microsoft/vscode#302394.
 */
export default defineCheck({
  id: 'connection.session-affinity',
  area: 'connection',
  severity: 'error',
  title: 'Every request with the session reaches an instance that knows it',
  failureTitle: 'The session is lost on some requests: replicas do not share sessions',
  fix: 'Run the server stateless (no Mcp-Session-Id; sessionIdGenerator: undefined in the TypeScript SDK), or keep sessions in storage every replica reads, or route each request by its Mcp-Session-Id header to the replica that issued it (the id has to name its replica: a hash of an id minted after routing lands elsewhere). Cookie stickiness does not help: most MCP clients send no cookies.',
  docs: SESSIONS,
  codes: ['lost-sometimes'],
  run(t) {
    const verdict = handshakeVerdict(t);
    if (verdict.kind !== 'answered') return blockedByHandshake(t, 'initialize was not answered');
    if (verdict.attempt.transport === 'sse') {
      return notApplicable('skipped: legacy HTTP+SSE: the session lives on the open stream');
    }
    if (!issuedSessionId(t)) {
      return notApplicable('skipped: no session id issued: the server is stateless');
    }
    const uses = sessionUses(t);
    const kept = uses.filter((u) => u.kept);
    const lost = uses.filter((u) => !u.kept);
    if (sessionComesAndGoes(uses)) {
      const first = lost[0]?.exchange;
      return {
        status: 'fail',
        code: 'lost-sometimes',
        message: `Of ${plural(uses.length, 'request')} with the session issued on initialize, ${kept.length} reached an instance that knew it and ${lost.length} did not${first ? ` (${first.rpc?.method ?? requestLine(first)} got ${statusLine(first)})` : ''}, and the session came back after it was lost: instances behind a load balancer do not share sessions.${cookieNote(givenExchanges(t))}`,
        evidence: uses.map((u) => u.exchange.id),
        items: uses.map((u) => ({
          subject: `${u.exchange.rpc?.method ?? 'request'} (${u.exchange.id})`,
          detail: `${statusLine(u.exchange)}: ${u.kept ? 'session kept' : 'session not found'}`,
          evidence: [u.exchange.id],
        })),
      };
    }
    if (lost.length > 0) {
      return blocked(
        'connection.session',
        'skipped: the session was lost and never came back (see connection.session)',
        VERIFY.connection,
      );
    }
    if (kept.length === 0) {
      return blocked(
        'connection.session',
        'skipped: no request after initialize carried the session (see connection.session)',
        VERIFY.connection,
      );
    }
    return pass(`the session held for ${plural(kept.length, 'request')} in a row`);
  },
});
