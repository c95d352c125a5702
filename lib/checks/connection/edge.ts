import { EdgeKindSchema } from '@/lib/edges/signature-schema';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { answeredBy, edgeAnswers, edgeItem } from '../shared/edges';
import { requestLine } from '../shared/exchanges';
import { guessHint, handshakeVerdict, mcpAnswers, workingGuess } from '../shared/handshake';

/** One code per kind of edge in the table (tunnels have their own check, connection.tunnel). */
const EDGE_CODES = EdgeKindSchema.exclude(['tunnel']).options;

/**
 * The most common "connection failed" is not the MCP server at all but what stands in front of it:
 * a CDN's bot challenge, a login wall on a preview deployment, an API gateway, a host asleep, a
 * proxy's default error page. Naming it (from lib/edges/signatures.ts, quoting the header or line
 * that identified it) sends the user to fix the right thing, with that platform's fix.
 */
export default defineCheck({
  id: 'connection.edge',
  area: 'connection',
  severity: 'error',
  title: 'The MCP server itself answers, not something in front of it',
  failureTitle: 'Something in front of the server answers instead of it',
  fix: 'Let MCP requests through to the server: exempt the MCP and OAuth paths from the challenge, login wall, gateway rule or firewall in front of it, or start the service behind it.',
  docs: 'https://developers.openai.com/apps-sdk/deploy/troubleshooting',
  codes: EDGE_CODES,
  run(t) {
    const answers = mcpAnswers(t);
    if (answers.length === 0) return blockedByHandshake(t, 'no MCP request got an HTTP answer');
    const edges = edgeAnswers(answers, (edge) => edge.signature.kind !== 'tunnel');
    const verdict = handshakeVerdict(t);
    // The handshake's answer first: it is why no session was opened.
    const first =
      (verdict.kind === 'edge' && edges.find((a) => a.exchange.id === verdict.exchange.id)) ||
      edges[0];
    const signature = first?.edge.signature;
    if (!first || !signature || signature.kind === 'tunnel') {
      return pass('the answers come from the server, not from an edge in front of it');
    }
    const guess = workingGuess(t);
    return {
      status: 'fail',
      code: signature.kind,
      message: `${answeredBy(first)} to ${requestLine(first.exchange)} instead of the MCP server, quoting "${first.edge.evidence.text}": ${signature.meaning}${guessHint(t)}`,
      fix: `${guess ? `Use ${guess.url}: it answers MCP. ` : ''}${signature.fix} See ${signature.docs}`,
      evidence: edges.filter((a) => a.edge.signature.id === signature.id).map((a) => a.exchange.id),
      items: edges.map(edgeItem),
    };
  },
});
