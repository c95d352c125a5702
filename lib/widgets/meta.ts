import { isRecord } from '@/lib/json/is-record';
import type {
  Declaration,
  DeclarationKey,
  WidgetCsp,
  WidgetDomain,
  WidgetStandard,
} from '@/lib/report/schema-widgets';

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * The widget declarations on a tool, in the order a host looks for them. Apps SDK:
 * `_meta["openai/outputTemplate"]`; MCP Apps (SEP-1865, 2026-01-26): `_meta.ui.resourceUri`, and the
 * deprecated flat `_meta["ui/resourceUri"]`.
 */
export function widgetDeclarations(tool: unknown): Declaration[] {
  if (!isRecord(tool) || !isRecord(tool._meta)) return [];
  const meta = tool._meta;
  const out: Declaration[] = [];
  const add = (key: DeclarationKey, standard: WidgetStandard, value: unknown) => {
    if (value === undefined) return;
    out.push({
      key,
      standard,
      uri: typeof value === 'string' ? value : null,
      valueType: typeOf(value),
    });
  };
  add('ui.resourceUri', 'mcp-apps', isRecord(meta.ui) ? meta.ui.resourceUri : undefined);
  add('ui/resourceUri', 'mcp-apps', meta['ui/resourceUri']);
  add('openai/outputTemplate', 'apps-sdk', meta['openai/outputTemplate']);
  return out;
}

/** The URI a host renders: the first string declaration in preference order (MCP Apps first). */
export const renderedUri = (declarations: readonly Declaration[]): string | null =>
  declarations.find((d) => d.uri !== null)?.uri ?? null;

export const standardsOf = (declarations: readonly Declaration[]): WidgetStandard[] =>
  (['apps-sdk', 'mcp-apps'] as const).filter((s) => declarations.some((d) => d.standard === s));

export const readOnlyHint = (tool: unknown): boolean =>
  isRecord(tool) && isRecord(tool.annotations) && tool.annotations.readOnlyHint === true;

export const toolName = (tool: unknown): string | null =>
  isRecord(tool) && typeof tool.name === 'string' ? tool.name : null;

type CspFields = Pick<
  WidgetCsp,
  'connectDomains' | 'resourceDomains' | 'frameDomains' | 'baseUriDomains' | 'redirectDomains'
>;

// `openai/widgetCSP` uses snake_case (Apps SDK reference); `ui.csp` camelCase (SEP-1865 McpUiResourceCsp).
const APPS_SDK_CSP_FIELDS: Record<keyof CspFields, string> = {
  connectDomains: 'connect_domains',
  resourceDomains: 'resource_domains',
  frameDomains: 'frame_domains',
  baseUriDomains: 'base_uri_domains',
  redirectDomains: 'redirect_domains',
};
const MCP_APPS_CSP_FIELDS: Record<keyof CspFields, string> = {
  connectDomains: 'connectDomains',
  resourceDomains: 'resourceDomains',
  frameDomains: 'frameDomains',
  baseUriDomains: 'baseUriDomains',
  redirectDomains: 'redirectDomains',
};

function readCsp(
  value: unknown,
  fields: Record<keyof CspFields, string>,
): CspFields & { invalid: string[] } {
  const csp: CspFields & { invalid: string[] } = {
    connectDomains: [],
    resourceDomains: [],
    frameDomains: [],
    baseUriDomains: [],
    redirectDomains: [],
    invalid: [],
  };
  if (!isRecord(value)) {
    csp.invalid.push(`the policy is ${typeOf(value)}, not an object`);
    return csp;
  }
  for (const [field, key] of Object.entries(fields) as [keyof CspFields, string][]) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      csp.invalid.push(`${key} is ${typeOf(list)}, not an array`);
      continue;
    }
    for (const entry of list.slice(0, 100)) {
      if (typeof entry === 'string') csp[field].push(entry.slice(0, 300));
      else csp.invalid.push(`${key} has a ${typeOf(entry)} entry`);
    }
  }
  return csp;
}

/** The policies declared in one `_meta` object (a read content's or a list entry's). */
function cspIn(meta: unknown, source: WidgetCsp['source']): WidgetCsp[] {
  if (!isRecord(meta)) return [];
  const out: WidgetCsp[] = [];
  if (isRecord(meta.ui) && meta.ui.csp !== undefined) {
    out.push({
      standard: 'mcp-apps',
      key: 'ui.csp',
      source,
      ...readCsp(meta.ui.csp, MCP_APPS_CSP_FIELDS),
    });
  }
  if (meta['openai/widgetCSP'] !== undefined) {
    out.push({
      standard: 'apps-sdk',
      key: 'openai/widgetCSP',
      source,
      ...readCsp(meta['openai/widgetCSP'], APPS_SDK_CSP_FIELDS),
    });
  }
  return out;
}

/**
 * The declared policies of a template, per key: from the `resources/read` content's `_meta` (what
 * SEP-1865 says hosts use), else from the `resources/list` entry's.
 */
export function declaredCsp(contentMeta: unknown, listMeta: unknown): WidgetCsp[] {
  const fromContent = cspIn(contentMeta, 'content');
  const fromList = cspIn(listMeta, 'list').filter((c) => !fromContent.some((f) => f.key === c.key));
  return [...fromContent, ...fromList];
}

function domainIn(meta: unknown, source: WidgetDomain['source']): WidgetDomain[] {
  if (!isRecord(meta)) return [];
  const out: WidgetDomain[] = [];
  if (isRecord(meta.ui) && typeof meta.ui.domain === 'string') {
    out.push({
      standard: 'mcp-apps',
      key: 'ui.domain',
      source,
      value: meta.ui.domain.slice(0, 300),
    });
  }
  if (typeof meta['openai/widgetDomain'] === 'string') {
    out.push({
      standard: 'apps-sdk',
      key: 'openai/widgetDomain',
      source,
      value: meta['openai/widgetDomain'].slice(0, 300),
    });
  }
  return out;
}

/** `ui.domain` / `openai/widgetDomain`, from the read content first, the list entry second. */
export function declaredDomain(contentMeta: unknown, listMeta: unknown): WidgetDomain[] {
  const fromContent = domainIn(contentMeta, 'content');
  const fromList = domainIn(listMeta, 'list').filter(
    (d) => !fromContent.some((f) => f.key === d.key),
  );
  return [...fromContent, ...fromList];
}

/** The MIME types a template may be served as: Apps SDK's, and SEP-1865's (which MUST be used for `ui.resourceUri`). */
export const APPS_SDK_MIME = 'text/html+skybridge';
export const MCP_APPS_MIME = 'text/html;profile=mcp-app';

/** A MIME type reduced for comparison: lower case, no spaces around `;` (media types are case-insensitive, RFC 9110 §8.3.1). */
export function normalizeMime(mime: string): string {
  return mime
    .toLowerCase()
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, i) => {
      if (i === 0) return part;
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      return `${part.slice(0, eq).trim()}=${part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')}`;
    })
    .join(';');
}
