import { bareHost, isLoopbackHost } from '@/lib/net/address';
import { blocked, defineCheck, pass } from '../define';
import { givenAttempts } from '../shared/handshake';

/** ChatGPT connects only to public HTTPS endpoints; plain http is refused before any MCP traffic. */
export default defineCheck({
  id: 'connection.https',
  area: 'connection',
  severity: 'error',
  title: 'The URL is served over HTTPS',
  failureTitle: 'The URL uses plain http',
  fix: 'Serve the endpoint over HTTPS: put it behind TLS (a platform certificate, Caddy, nginx), or expose a local server through a tunnel such as ngrok or Cloudflare Tunnel and use its https:// URL.',
  docs: 'https://developers.openai.com/apps-sdk/deploy',
  codes: ['plain-http'],
  run(t) {
    let url: URL;
    try {
      url = new URL(t.target.url);
    } catch {
      return blocked('connection.url', `skipped: ${t.target.url} is not an absolute URL`);
    }
    if (url.protocol === 'https:') return pass(`${url.origin} is served over HTTPS`);
    if (isLoopbackHost(bareHost(url))) {
      return pass(
        `plain http is fine for ${url.host} on this machine; ChatGPT itself needs a public HTTPS URL`,
      );
    }
    return {
      status: 'fail',
      code: 'plain-http',
      message: `${url.origin} uses plain http; ChatGPT only connects to https:// URLs.`,
      evidence: givenAttempts(t)
        .flatMap((a) => a.exchangeIds)
        .slice(0, 1),
    };
  },
});
