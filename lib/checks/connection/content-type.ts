import type { Exchange } from '@/lib/report/schema';
import { defineCheck, type Outcome, pass } from '../define';
import { blockedByHandshake, withoutConnection } from '../shared/blocked';
import { excerpt, mediaType, requestLine, statusLine } from '../shared/exchanges';
import { MCP_MEDIA_TYPES, guessHint, handshakeVerdict, workingGuess } from '../shared/handshake';

/** The page's `<title>`, which usually says what answered (a framework's 404, a login page, nginx). */
function pageTitle(exchange: Exchange): string {
  const title = exchange.response?.body?.text.match(/<title[^>]*>([^<]*)<\/title>/i)?.[1];
  return title?.trim() ? ` titled "${excerpt(title, 80)}"` : '';
}

/** An HTML page or any other body where JSON-RPC was expected means the URL is not the MCP endpoint. */
export default defineCheck({
  id: 'connection.content-type',
  area: 'connection',
  severity: 'error',
  title: 'The server answers with an MCP content type',
  failureTitle: 'The server answers with something other than MCP',
  fix: 'This URL serves a web page or another API, not MCP. Use the MCP endpoint (often /mcp), and make sure it answers POSTs with application/json or text/event-stream.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server',
  codes: ['html', 'unexpected-type', 'missing-type'],
  run(t): Outcome {
    const verdict = handshakeVerdict(t);
    switch (verdict.kind) {
      case 'not-attempted':
        return withoutConnection(t, 'no MCP request was sent');
      case 'no-answer':
        return blockedByHandshake(t, 'the initialize request got no HTTP answer');
      case 'tunnel':
      case 'edge':
        return blockedByHandshake(
          t,
          `the answer is ${verdict.edge.signature.name}'s, not the server's`,
        );
      case 'redirect':
      case 'modern-era':
      case 'negotiation':
      case 'api-key':
      case 'auth':
      case 'status':
        return blockedByHandshake(
          t,
          `the answer is ${statusLine(verdict.exchange)}, not a success`,
        );
      case 'content-type': {
        const { exchange, mediaType: type } = verdict;
        const expected = MCP_MEDIA_TYPES[verdict.attempt.transport].join(' or ');
        const what =
          type === 'text/html'
            ? `an HTML page${pageTitle(exchange)}`
            : (type ?? 'a body without Content-Type');
        const guess = workingGuess(t);
        return {
          status: 'fail',
          code: type === 'text/html' ? 'html' : type ? 'unexpected-type' : 'missing-type',
          message: `${requestLine(exchange)} answered ${statusLine(exchange)} with ${what}, not ${expected}${guessHint(t)}.`,
          ...(guess ? { fix: `Use ${guess.url}: it answers MCP.` } : {}),
          evidence: [exchange.id],
        };
      }
      case 'answered':
        return pass(`${requestLine(verdict.exchange)} answered ${mediaType(verdict.exchange)}`);
    }
  },
});
