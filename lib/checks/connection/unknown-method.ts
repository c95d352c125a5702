import { defineCheck, pass } from '../define';
import { modernLegOf } from '../shared/blocked';
import { described, isRefusal, refusalOf } from '../shared/refusal';

const METHOD_NOT_FOUND = -32601;

/**
 * In 2026-07-28 an unknown method is HTTP 404 with JSON-RPC -32601: the body is what tells a
 * client it reached a modern server that lacks the method, not a legacy server's missing endpoint
 * (MCP 2026-07-28 Streamable HTTP, "Protocol Version Header" and "Backward Compatibility").
 */
export default defineCheck({
  id: 'connection.unknown-method',
  area: 'connection',
  severity: 'info',
  title: 'An unknown method is answered 404 with -32601',
  failureTitle: 'An unknown method is not answered 404 with -32601',
  fix: 'Answer a method you do not implement with HTTP 404 and JSON-RPC error -32601 (Method not found), so clients can tell it from a missing endpoint.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#protocol-version-header',
  codes: ['wrong-answer'],
  run(t) {
    const found = modernLegOf(t);
    if ('outcome' in found) return found.outcome;
    const refusal = refusalOf(t, found.leg, 'methodNotFound');
    if (!isRefusal(refusal)) return refusal;
    if (refusal.status === 404 && refusal.error?.code === METHOD_NOT_FOUND) {
      return pass('An unknown method is answered 404 with -32601');
    }
    return {
      status: 'fail',
      code: 'wrong-answer',
      message: `The unknown method mcp-doctor/no-such-method was answered ${described(refusal)}, not 404 with -32601.`,
      evidence: [refusal.exchange.id],
    };
  },
});
