import type { HeaderList } from '@/lib/report/schema';
import { headerValues } from './response-text';

/**
 * Cookies load balancers set to pin a client to one replica. They cannot hold an MCP session for
 * most clients, which send no cookies back: the SDKs' fetch keeps no cookie jar, VS Code sends none
 * (microsoft/vscode#302394, ARR affinity on Azure App Service), and a proposal to have clients
 * keep cookies for this (modelcontextprotocol/modelcontextprotocol#325) was closed; AWS states
 * that sticky sessions need a client that supports cookies. mcp-remote replays them since
 * 2026-08 (punkpeye/mcp-remote#168), so the same server works through it and fails elsewhere.
 * Seeing one tells the user that affinity is on, and keyed on something most clients do not send.
 */
export const AFFINITY_COOKIES = [
  {
    cookie: /^AWSALB(CORS|APP-[0-9]{1,3})?$/,
    balancer: 'AWS Application Load Balancer stickiness',
    source:
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html',
  },
  {
    cookie: /^AWSELB$/,
    balancer: 'AWS Classic Load Balancer stickiness',
    source:
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-sticky-sessions.html',
  },
  {
    cookie: /^ARRAffinity(SameSite)?$/,
    balancer: 'Azure App Service ARR affinity',
    source: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AppService.ARRAffinity/',
  },
  {
    cookie: /^INGRESSCOOKIE$/,
    balancer: 'ingress-nginx cookie affinity',
    source: 'https://kubernetes.github.io/ingress-nginx/examples/affinity/cookie/',
  },
  {
    cookie: /^__cflb$/,
    balancer: 'Cloudflare Load Balancing session affinity',
    source: 'https://developers.cloudflare.com/load-balancing/understand-basics/session-affinity/',
  },
] as const;

export interface SetCookie {
  /** The cookie's name as set; its value is never kept (the recorder redacts it). */
  name: string;
  /** The load balancer feature it belongs to, when the table knows the name. */
  balancer: string | null;
}

/** The cookies a response sets, by name only, at most `max` of them. */
export function setCookies(headers: HeaderList, max = 10): SetCookie[] {
  return headerValues(headers, 'set-cookie')
    .slice(0, max)
    .flatMap((value) => {
      const name = value.split('=')[0]?.trim().slice(0, 64) ?? '';
      if (!name) return [];
      const known = AFFINITY_COOKIES.find((c) => c.cookie.test(name));
      return [{ name, balancer: known?.balancer ?? null }];
    });
}
