import type { AssetKind, WidgetCsp, WidgetStandard } from '@/lib/report/schema-widgets';

/**
 * A declared domain as a CSP host-source (CSP Level 3 §2.3.1): optional scheme, a host (optionally
 * `*.` for subdomains), optional port (or `*`), optional path. Anything else — keywords, bare `*`,
 * whitespace, `;` or `,` — is refused: these strings come from a remote server and end up in a
 * response header.
 */
const HOST_SOURCE =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}|\*))?(\/[A-Za-z0-9\-._~%!$&()*+=:@/]*)?$/i;

interface HostSource {
  scheme: string | null;
  wildcard: boolean;
  host: string;
  port: string | null;
  path: string | null;
}

export function parseHostSource(source: string): HostSource | null {
  const m = HOST_SOURCE.exec(source.trim());
  if (!m) return null;
  return {
    scheme: m[1]?.toLowerCase() ?? null,
    wildcard: Boolean(m[2]),
    host: (m[3] ?? '').toLowerCase(),
    port: m[4] ?? null,
    path: m[5] ?? null,
  };
}

export const isValidSource = (source: string): boolean => parseHostSource(source) !== null;

const DEFAULT_PORTS: Record<string, string> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
};

/** Whether a URL matches a host-source, following CSP Level 3 §6.7.2.8 (with its http→https upgrade). */
export function sourceMatches(source: string, target: string): boolean {
  const src = parseHostSource(source);
  if (!src) return false;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1);
  if (src.scheme) {
    const upgrade =
      (src.scheme === 'http' && scheme === 'https') || (src.scheme === 'ws' && scheme === 'wss');
    if (src.scheme !== scheme && !upgrade) return false;
  } else if (!['http', 'https', 'ws', 'wss'].includes(scheme)) return false;

  const host = url.hostname.toLowerCase();
  if (src.wildcard ? !host.endsWith(`.${src.host}`) : host !== src.host) return false;

  const port = url.port || DEFAULT_PORTS[url.protocol] || '';
  if (src.port !== '*') {
    const wanted =
      src.port ??
      (src.scheme ? DEFAULT_PORTS[`${src.scheme}:`] : DEFAULT_PORTS[url.protocol]) ??
      '';
    const upgradedDefault =
      src.port === null && (src.scheme === 'http' || src.scheme === 'ws') && port === '443';
    if (port !== wanted && !upgradedDefault) return false;
  }
  if (src.path) {
    const path = url.pathname;
    if (src.path.endsWith('/') ? !path.startsWith(src.path) : path !== src.path) return false;
  }
  return true;
}

/** The declared list that governs loading an asset of this kind (SEP-1865 "CSP Construction from Metadata"). */
export function domainsFor(csp: WidgetCsp, kind: AssetKind): string[] {
  switch (kind) {
    case 'frame':
      return csp.frameDomains;
    case 'object':
      // object-src is always 'none'.
      return [];
    default:
      return csp.resourceDomains;
  }
}

/** Whether a declared policy lets the widget load this asset. */
export function cspAllows(csp: WidgetCsp, kind: AssetKind, url: string): boolean {
  return domainsFor(csp, kind).some((source) => sourceMatches(source, url));
}

/**
 * The policy a host applies to this widget: MCP Apps hosts read `ui.csp`; ChatGPT reads either, and
 * for a tool that declares only the Apps SDK, `openai/widgetCSP` is the one it was written for.
 */
export function effectiveCsp(
  csps: readonly WidgetCsp[],
  standards: readonly WidgetStandard[],
): WidgetCsp | null {
  const ui = csps.find((c) => c.key === 'ui.csp') ?? null;
  const openai = csps.find((c) => c.key === 'openai/widgetCSP') ?? null;
  if (standards.includes('mcp-apps')) return ui ?? openai;
  return openai ?? ui;
}

/**
 * The Content-Security-Policy for the dashboard's preview of a widget: SEP-1865's construction from
 * the declared domains (its restrictive default when none are declared), with two differences. No
 * `'self'`: the preview is served by the dashboard, so `'self'` would be the dashboard's origin,
 * not the widget's. And `sandbox allow-scripts`, so the document has an opaque origin even when it
 * is opened on its own. Invalid sources are dropped (returned in `dropped`).
 */
export function previewPolicy(
  csp: WidgetCsp | null,
  frameAncestor: string,
): { header: string; dropped: string[] } {
  const dropped: string[] = [];
  const valid = (list: readonly string[] | undefined) =>
    (list ?? []).filter((s) => {
      if (isValidSource(s)) return true;
      dropped.push(s);
      return false;
    });
  const resource = valid(csp?.resourceDomains);
  const connect = valid(csp?.connectDomains);
  const frame = valid(csp?.frameDomains);
  const baseUri = valid(csp?.baseUriDomains);
  const list = (items: string[], fallback: string) => (items.length ? items.join(' ') : fallback);
  const directives = [
    "default-src 'none'",
    `script-src 'unsafe-inline' ${resource.join(' ')}`.trim(),
    `style-src 'unsafe-inline' ${resource.join(' ')}`.trim(),
    `img-src data: ${resource.join(' ')}`.trim(),
    `font-src ${list(resource, "'none'")}`,
    `media-src data: ${resource.join(' ')}`.trim(),
    `connect-src ${list(connect, "'none'")}`,
    `frame-src ${list(frame, "'none'")}`,
    "object-src 'none'",
    `base-uri ${list(baseUri, "'none'")}`,
    "form-action 'none'",
    `frame-ancestors ${frameAncestor}`,
    'sandbox allow-scripts',
  ];
  return { header: directives.join('; '), dropped };
}
