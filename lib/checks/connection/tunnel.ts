import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { givenExchanges, mcpRequests } from '../shared/handshake';
import { tunnelError, type TunnelError } from '../shared/tunnels';

const TUNNEL_CODES = ['ngrok', 'cloudflare-tunnel', 'localtunnel'] as const;
const TUNNEL_CODE: Record<TunnelError['provider'], (typeof TUNNEL_CODES)[number]> = {
  ngrok: 'ngrok',
  'Cloudflare Tunnel': 'cloudflare-tunnel',
  localtunnel: 'localtunnel',
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
    const exchanges = [...new Set([...givenExchanges(t), ...mcpRequests(t)])].filter(
      (x) => x.response,
    );
    if (exchanges.length === 0) return blockedByHandshake(t, 'no MCP request got an HTTP answer');
    for (const exchange of exchanges) {
      const tunnel = tunnelError(exchange);
      if (!tunnel) continue;
      const same = exchanges.filter((x) => tunnelError(x)?.code === tunnel.code);
      return {
        status: 'fail',
        code: TUNNEL_CODE[tunnel.provider],
        message: `${tunnel.provider} answered ${tunnel.code} (HTTP ${exchange.response?.status}) for ${exchange.request.method} ${exchange.request.url}: ${tunnel.meaning}.`,
        fix: `${tunnel.fix} See ${tunnel.docs}`,
        evidence: same.map((x) => x.id),
      };
    }
    return pass('no tunnel error page among the answers');
  },
});
