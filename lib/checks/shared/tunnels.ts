import type { Exchange } from '@/lib/report/schema';
import { responseHeader } from './exchanges';

/** A tunnel's own error page standing in for the server's answer. */
export interface TunnelError {
  provider: 'ngrok' | 'Cloudflare Tunnel' | 'localtunnel';
  /** The provider's code as it names it (`ERR_NGROK_3200`, `1033`, `HTTP 511`). */
  code: string;
  /** What the code means for whoever runs the server. */
  meaning: string;
  fix: string;
  /** The provider's page for this code. */
  docs: string;
}

// The ngrok codes a developer meets while exposing a local MCP server (https://ngrok.com/docs/errors/).
const NGROK: Record<string, { meaning: string; fix: string }> = {
  '3200': {
    meaning: 'the ngrok endpoint is offline: no ngrok agent is serving this URL any more',
    fix: 'Start the ngrok agent again (ngrok http <port>) and connect ChatGPT to the URL it prints; free URLs change on every start.',
  },
  '8012': {
    meaning: 'ngrok is up but nothing answers on the local port it forwards to',
    fix: 'Start your MCP server on the port ngrok forwards to (see "Forwarding" in the ngrok output).',
  },
  '3004': {
    meaning: 'your local server sent ngrok an invalid or incomplete HTTP response',
    fix: 'Check that ngrok forwards to the right scheme and port (ngrok http https://localhost:<port> for a TLS server).',
  },
  '6024': {
    meaning: 'ngrok showed its browser warning page instead of forwarding the request',
    fix: 'Use a paid or verified ngrok domain, or another tunnel: ChatGPT cannot click through the warning page.',
  },
};

const CLOUDFLARE: Record<string, { meaning: string; fix: string }> = {
  '1033': {
    meaning: 'the Cloudflare Tunnel is not connected: cloudflared is not running for this hostname',
    fix: 'Start cloudflared (cloudflared tunnel run <name>) and wait until it logs "Registered tunnel connection".',
  },
  '1016': {
    meaning: "Cloudflare could not resolve the tunnel's origin (the DNS record points nowhere)",
    fix: 'Point the hostname at a running tunnel (cloudflared tunnel route dns <name> <hostname>).',
  },
};

const LOCALTUNNEL: Record<number, { meaning: string; fix: string }> = {
  511: {
    meaning:
      'localtunnel showed its reminder page (it wants a tunnel password) instead of forwarding the request',
    fix: 'ChatGPT cannot pass the localtunnel reminder page; use ngrok or Cloudflare Tunnel instead.',
  },
  503: {
    meaning: 'no localtunnel client is connected for this subdomain',
    fix: 'Start the tunnel again (npx localtunnel --port <port>) and use the URL it prints.',
  },
};

const LOCALTUNNEL_HOSTS = /(^|\.)(loca\.lt|localtunnel\.me)$/i;

function host(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Recognises the error pages ngrok, Cloudflare Tunnel and localtunnel serve when the tunnel is up but
 * the server behind it is not (or the tunnel is gone), so the report names the tunnel and its code
 * rather than a bare 404 or 502.
 */
export function tunnelError(exchange: Exchange): TunnelError | null {
  const response = exchange.response;
  if (!response) return null;
  const body = response.body?.text ?? '';

  const ngrokCode = (responseHeader(exchange, 'ngrok-error-code') ?? body).match(
    /ERR_NGROK_(\d+)/,
  )?.[1];
  if (ngrokCode) {
    const known = NGROK[ngrokCode] ?? {
      meaning: 'ngrok answered with its own error page instead of your server',
      fix: 'Look the code up in the ngrok documentation and restart the tunnel.',
    };
    return {
      provider: 'ngrok',
      code: `ERR_NGROK_${ngrokCode}`,
      ...known,
      docs: `https://ngrok.com/docs/errors/err_ngrok_${ngrokCode}`,
    };
  }

  const cloudflare =
    /cloudflare/i.test(responseHeader(exchange, 'server') ?? '') ||
    responseHeader(exchange, 'cf-ray') !== null;
  if (cloudflare && (response.status === 530 || response.status === 502)) {
    const code = body.match(/\berror(?:\s+code)?[:\s]+(1033|1016)\b/i)?.[1];
    const known = code ? CLOUDFLARE[code] : undefined;
    if (code && known) {
      return {
        provider: 'Cloudflare Tunnel',
        code: `error ${code}`,
        ...known,
        docs: `https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-${code}/`,
      };
    }
  }

  const localtunnel = LOCALTUNNEL[response.status];
  if (localtunnel && LOCALTUNNEL_HOSTS.test(host(exchange.request.url))) {
    return {
      provider: 'localtunnel',
      code: `HTTP ${response.status}`,
      ...localtunnel,
      docs: 'https://github.com/localtunnel/localtunnel',
    };
  }
  return null;
}
