import type { EdgeSignatureIdOf } from '@/lib/edges/signatures';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { answeredBy, edgeAnswers, edgeItem } from '../shared/edges';
import { mcpAnswers } from '../shared/handshake';

const TUNNEL_CODES = ['ngrok', 'cloudflare-tunnel', 'localtunnel'] as const;

/** Each tunnel row of the edge table, by the tunnel it belongs to. */
const TUNNEL_CODE: Record<EdgeSignatureIdOf<'tunnel'>, (typeof TUNNEL_CODES)[number]> = {
  'ngrok-endpoint-offline': 'ngrok',
  'ngrok-upstream-refused': 'ngrok',
  'ngrok-invalid-upstream-response': 'ngrok',
  'ngrok-browser-warning': 'ngrok',
  'ngrok-error': 'ngrok',
  'cloudflare-tunnel-down': 'cloudflare-tunnel',
  'cloudflare-tunnel-dns': 'cloudflare-tunnel',
  'localtunnel-reminder': 'localtunnel',
  'localtunnel-offline': 'localtunnel',
};

/** A tunnel's error page means the tunnel is up but the server behind it is not (or the tunnel is gone). */
export default defineCheck({
  id: 'connection.tunnel',
  area: 'connection',
  severity: 'error',
  title: 'No tunnel error page in the answers',
  failureTitle: 'The tunnel answers instead of your server',
  fix: 'The tunnel is reachable but your local MCP server is not behind it: start the server on the port the tunnel forwards to, or restart the tunnel and use its current URL.',
  docs: 'https://developers.openai.com/apps-sdk/deploy',
  codes: TUNNEL_CODES,
  run(t) {
    const answers = mcpAnswers(t);
    if (answers.length === 0) return blockedByHandshake(t, 'no MCP request got an HTTP answer');
    const tunnels = edgeAnswers(answers, (edge) => edge.signature.kind === 'tunnel');
    const first = tunnels[0];
    const signature = first?.edge.signature;
    if (!first || signature?.kind !== 'tunnel') {
      return pass('no tunnel error page among the answers');
    }
    const same = tunnels.filter((a) => a.edge.signature.id === signature.id);
    return {
      status: 'fail',
      code: TUNNEL_CODE[signature.id],
      message: `${answeredBy(first)} for ${first.exchange.request.method} ${first.exchange.request.url}, quoting "${first.edge.evidence.text}": ${signature.meaning}`,
      fix: `${signature.fix} See ${signature.docs}`,
      evidence: same.map((a) => a.exchange.id),
      items: tunnels.map(edgeItem),
    };
  },
});
