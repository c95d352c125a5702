import { isRecord } from '@/lib/json/is-record';
import net from 'node:net';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { z } from 'zod';
import { addressScope, bareHost, isLoopbackHost } from '@/lib/net/address';
import type {
  ListEntry,
  ResourceListing,
  TemplateContent,
  TemplateRead,
  Widget,
  WidgetAsset,
  WidgetsProbe,
} from '@/lib/report/schema-widgets';
import { extractAssets, type AssetRef } from '@/lib/widgets/html-assets';
import {
  declaredCsp,
  declaredDomain,
  readOnlyHint,
  renderedUri,
  standardsOf,
  toolName,
  widgetDeclarations,
} from '@/lib/widgets/meta';
import { plural } from '@/lib/text/plural';
import {
  failed as failedStep,
  ok,
  skipped,
  type ProbeRun,
  type ProbeStep,
  type StepResult,
} from '../context';
import type { Resolver } from '../dialer';
import { toProbeError } from '../errors';
import { asProbeError, type Session } from '../mcp';
import { withDeadline } from '../network';
import type { Recorder } from '../recorder';
import { readSources } from '../widget-sources';

/** The widget step's own bounds: a server may declare hundreds of templates or assets. */
export const WIDGET_LIMITS = {
  /** Pages of `resources/list` and of `resources/templates/list` followed. */
  maxListPages: 20,
  /** Entries kept per listing. */
  maxListItems: 1_000,
  /** Distinct template URIs read with `resources/read`. */
  maxTemplates: 20,
  /** HTML kept per template (the wire bound is the recorder's `maxBodyBytes`). */
  keptHtmlBytes: 2 * 1024 * 1024,
  /** A content's `_meta` kept in the transcript, as JSON characters. */
  keptMetaChars: 32 * 1024,
  /** Distinct asset URLs fetched across all templates. */
  maxAssetFetches: 60,
  /** One asset request; and all of them together. */
  assetTimeoutMs: 5_000,
  assetPhaseMs: 20_000,
  dnsTimeoutMs: 3_000,
} as const;

// Deliberately loose, like tools/list: one odd entry is a finding, not a failed listing.
const PAGE_SCHEMAS = {
  resources: z.looseObject({ resources: z.array(z.unknown()), nextCursor: z.string().optional() }),
  resourceTemplates: z.looseObject({
    resourceTemplates: z.array(z.unknown()),
    nextCursor: z.string().optional(),
  }),
};
const LooseReadSchema = z.looseObject({ contents: z.array(z.unknown()) });

/**
 * The widget step: for every tool that declares a widget, read its template with `resources/read`,
 * find it in `resources/list` / `resources/templates/list`, pull the CSP and domain out of the
 * `_meta`, list the external assets its HTML references, and ask each asset's server whether it
 * answers. Loopback assets are fetched (people check local servers); assets on other private
 * addresses are listed but not fetched.
 */
export const widgetsStep: ProbeStep = {
  id: 'resources',
  async run(run) {
    if (!run.session) return skipped('skipped: no MCP session was opened');
    const { probe, result } = await probeWidgets(run.session, run.transcript.tools, run);
    run.transcript.widgets = probe;
    return result;
  },
};

async function probeWidgets(
  session: Session,
  tools: unknown[],
  ctx: ProbeRun,
): Promise<{ probe: WidgetsProbe; result: StepResult }> {
  const declaring = tools
    .map((tool, index) => ({ tool, index, declarations: widgetDeclarations(tool) }))
    .filter((t) => t.declarations.length > 0);
  const probe: WidgetsProbe = {
    resources: null,
    resourceTemplates: null,
    templates: [],
    widgets: [],
    stoppedEarly: null,
    calls: [],
  };
  if (declaring.length === 0)
    return { probe, result: skipped('skipped: no tool declares a widget') };

  probe.resources = await listAll(session, ctx.recorder, 'resources/list', 'resources');
  probe.resourceTemplates = await listAll(
    session,
    ctx.recorder,
    'resources/templates/list',
    'resourceTemplates',
  );

  const uris = [
    ...new Set(
      declaring.flatMap((t) => t.declarations.flatMap((d) => (d.uri === null ? [] : [d.uri]))),
    ),
  ];
  if (uris.length > WIDGET_LIMITS.maxTemplates) {
    probe.stoppedEarly = `read the first ${WIDGET_LIMITS.maxTemplates} of ${uris.length} template URIs`;
  }
  for (const uri of uris.slice(0, WIDGET_LIMITS.maxTemplates)) {
    if (ctx.signal.aborted) break;
    const read = await readTemplate(session, ctx.recorder, uri);
    read.listEntry = findListEntry(uri, probe.resources, probe.resourceTemplates);
    probe.templates.push(read);
  }

  const refsByUri = new Map<string, AssetRef[]>();
  for (const read of probe.templates) {
    if (read.content?.html) refsByUri.set(read.uri, extractAssets(read.content.html).assets);
  }
  const assets = await checkAssets([...refsByUri.values()].flat(), ctx, probe);

  for (const { tool, declarations } of declaring) {
    const uri = renderedUri(declarations);
    const read = probe.templates.find((r) => r.uri === uri) ?? null;
    const contentMeta = read?.content?.meta;
    const listMeta = read?.listEntry?.meta;
    const widget: Widget = {
      tool: toolName(tool) ?? '(unnamed tool)',
      readOnlyHint: readOnlyHint(tool),
      declarations,
      standards: standardsOf(declarations),
      uri,
      mimeType: read?.content?.mimeType ?? null,
      size: read?.content ? read.content.bytes : null,
      csp: declaredCsp(contentMeta, listMeta),
      domain: declaredDomain(contentMeta, listMeta),
      assets: (uri ? (refsByUri.get(uri) ?? []) : []).map(
        (ref) => assets.get(assetKey(ref)) ?? unfetched(ref, 'not checked'),
      ),
    };
    probe.widgets.push(widget);
  }
  probe.sources = await readSources(probe, ctx.recorder, ctx.signal);
  // The `_meta` was needed whole for the CSP and domain; what is kept is bounded.
  for (const read of probe.templates) {
    if (read.content) read.content.meta = boundedMeta(read.content.meta);
    if (read.listEntry) read.listEntry.meta = boundedMeta(read.listEntry.meta);
  }

  const failed = probe.templates.filter((r) => r.error || !r.content);
  const fetched = [...assets.values()].filter((a) => a.fetch).length;
  const declared = probe.widgets.length;
  const summary =
    `${plural(declared, 'tool declares', 'tools declare')} a widget; ` +
    `read ${probe.templates.length - failed.length} of ${plural(probe.templates.length, 'template')}` +
    (assets.size ? `, checked ${fetched} of ${plural(assets.size, 'asset')}` : '');
  const firstError = failed.find((r) => r.error)?.error;
  const allFailed = probe.templates.length > 0 && failed.length === probe.templates.length;
  return {
    probe,
    result: allFailed && firstError ? failedStep(firstError, undefined, summary) : ok(summary),
  };
}

async function listAll(
  session: Session,
  recorder: Recorder,
  method: ResourceListing['method'],
  key: 'resources' | 'resourceTemplates',
): Promise<ResourceListing> {
  const listing: ResourceListing = {
    method,
    items: [],
    pages: 0,
    exchangeIds: [],
    error: null,
    stoppedEarly: null,
  };
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    if (listing.pages >= WIDGET_LIMITS.maxListPages) {
      listing.stoppedEarly = `stopped after ${WIDGET_LIMITS.maxListPages} pages`;
      break;
    }
    const mark = recorder.mark();
    try {
      const params = cursor === null ? {} : { cursor };
      const page: { items: unknown[]; nextCursor?: string } =
        key === 'resources'
          ? await session
              .request(method, params, PAGE_SCHEMAS.resources)
              .then((p) => ({ items: p.resources, nextCursor: p.nextCursor }))
          : await session
              .request(method, params, PAGE_SCHEMAS.resourceTemplates)
              .then((p) => ({ items: p.resourceTemplates, nextCursor: p.nextCursor }));
      listing.pages++;
      listing.exchangeIds.push(...recorder.idsSince(mark).slice(0, 1));
      const items = page.items;
      listing.items.push(...items.slice(0, WIDGET_LIMITS.maxListItems - listing.items.length));
      const next: string | null = page.nextCursor ?? null;
      if (next === null) break;
      if (seen.has(next) || listing.items.length >= WIDGET_LIMITS.maxListItems) {
        listing.stoppedEarly = seen.has(next)
          ? `the cursor "${next.slice(0, 40)}" came back twice`
          : `stopped at ${WIDGET_LIMITS.maxListItems} entries`;
        break;
      }
      seen.add(next);
      cursor = next;
    } catch (error) {
      listing.exchangeIds.push(...recorder.idsSince(mark).slice(0, 1));
      listing.error = asProbeError(error, method);
      break;
    }
  }
  return listing;
}

async function readTemplate(
  session: Session,
  recorder: Recorder,
  uri: string,
): Promise<TemplateRead> {
  const mark = recorder.mark();
  const started = recorder.now();
  const read: TemplateRead = {
    uri,
    exchangeId: null,
    durationMs: 0,
    error: null,
    contentCount: 0,
    content: null,
    listEntry: null,
  };
  try {
    const result = await session.request('resources/read', { uri }, LooseReadSchema);
    read.contentCount = result.contents.length;
    const entries = result.contents.filter(isRecord);
    const entry = entries.find((c) => c.uri === uri) ?? entries[0];
    if (entry) read.content = decodeContent(entry);
  } catch (error) {
    read.error = asProbeError(error, `resources/read ${uri}`);
  }
  read.exchangeId = recorder.idsSince(mark)[0] ?? null;
  read.durationMs = Math.round(recorder.now() - started);
  return read;
}

function decodeContent(entry: Record<string, unknown>): TemplateContent {
  const content: TemplateContent = {
    uri: typeof entry.uri === 'string' ? entry.uri : null,
    mimeType: typeof entry.mimeType === 'string' ? entry.mimeType : null,
    encoding: 'none',
    bytes: 0,
    html: null,
    truncated: false,
    decodeError: null,
    meta: entry._meta ?? null,
  };
  let html: string | null = null;
  if (typeof entry.text === 'string') {
    content.encoding = 'text';
    html = entry.text;
  } else if (entry.blob !== undefined) {
    content.encoding = 'blob';
    if (typeof entry.blob !== 'string') content.decodeError = 'blob is not a string';
    else if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(entry.blob))
      content.decodeError = 'blob is not valid base64';
    else html = Buffer.from(entry.blob, 'base64').toString('utf8');
  }
  if (html !== null) {
    content.bytes = Buffer.byteLength(html);
    content.truncated = content.bytes > WIDGET_LIMITS.keptHtmlBytes;
    content.html = content.truncated ? html.slice(0, WIDGET_LIMITS.keptHtmlBytes / 2) : html;
  }
  return content;
}

/** The `resources/list` entry with this URI, else the first `resources/templates/list` template that matches it (RFC 6570). */
function findListEntry(
  uri: string,
  resources: ResourceListing | null,
  templates: ResourceListing | null,
): ListEntry | null {
  const mime = (item: Record<string, unknown>) =>
    typeof item.mimeType === 'string' ? item.mimeType : null;
  const listed = resources?.items.filter(isRecord).find((item) => item.uri === uri);
  if (listed)
    return { method: 'resources/list', uri, mimeType: mime(listed), meta: listed._meta ?? null };
  for (const item of templates?.items.filter(isRecord) ?? []) {
    if (typeof item.uriTemplate !== 'string') continue;
    try {
      if (new UriTemplate(item.uriTemplate).match(uri)) {
        return {
          method: 'resources/templates/list',
          uri: item.uriTemplate,
          mimeType: mime(item),
          meta: item._meta ?? null,
        };
      }
    } catch {
      // An invalid template matches nothing.
    }
  }
  return null;
}

function boundedMeta(meta: unknown): unknown {
  if (meta === null || meta === undefined) return null;
  const json = JSON.stringify(meta) ?? '';
  return json.length <= WIDGET_LIMITS.keptMetaChars
    ? meta
    : { 'mcp-doctor/truncated': `${json.length} characters of _meta not kept` };
}

const assetKey = (ref: AssetRef): string => `${ref.kind} ${ref.url ?? ref.ref} ${ref.where}`;

function unfetched(
  ref: AssetRef,
  skipped: string | null,
  scope: WidgetAsset['scope'] = 'unknown',
  host: string | null = null,
): WidgetAsset {
  return {
    ref: ref.ref,
    url: ref.url,
    kind: ref.kind,
    where: ref.where,
    host,
    scope,
    addresses: [],
    fetch: null,
    skipped,
  };
}

const PRIVATE_ORDER: WidgetAsset['scope'][] = [
  'link-local',
  'private',
  'unique-local',
  'cgnat',
  'reserved',
  'unspecified',
  'multicast',
  'loopback',
];

/**
 * Where a host sits after DNS: public only when every address is public. Resolved through the run's
 * resolver, so tests (and the address policy) see the same answers the dialer will.
 */
async function classifyHost(
  url: URL,
  resolve: Resolver,
  signal: AbortSignal,
): Promise<{ scope: WidgetAsset['scope']; addresses: string[] }> {
  const host = bareHost(url);
  if (net.isIP(host)) return { scope: scopeOf(host), addresses: [host] };
  if (isLoopbackHost(host)) return { scope: 'loopback', addresses: [] };
  if (signal.aborted) return { scope: 'unknown', addresses: [] };
  try {
    const resolved = await withDeadline(
      resolve(host),
      WIDGET_LIMITS.dnsTimeoutMs,
      `resolving ${host}`,
    );
    const addresses = resolved.map((a) => a.address).slice(0, 8);
    const scopes = addresses.map(scopeOf);
    const worst = PRIVATE_ORDER.find((s) => scopes.includes(s));
    return { scope: worst ?? (scopes.length ? 'public' : 'unknown'), addresses };
  } catch {
    return { scope: 'unknown', addresses: [] };
  }
}

function scopeOf(address: string): WidgetAsset['scope'] {
  const scope = addressScope(address);
  return scope === 'invalid' ? 'unknown' : scope;
}

type AssetCheck = Pick<WidgetAsset, 'scope' | 'addresses' | 'fetch' | 'skipped'>;

/**
 * Asks each distinct asset URL whether it answers: HEAD, or a one-byte GET when HEAD is refused;
 * redirects are not followed (a 3xx with a Location is an answer). Requests carry none of the
 * user's headers or token: these are third-party servers.
 */
async function checkAssets(
  refs: AssetRef[],
  ctx: ProbeRun,
  probe: WidgetsProbe,
): Promise<Map<string, WidgetAsset>> {
  const immediate = new Map<string, WidgetAsset>();
  const toFetch = new Map<string, URL>();
  for (const ref of refs) {
    let url: URL | null = null;
    try {
      url = ref.url ? new URL(ref.url) : null;
    } catch {
      url = null;
    }
    if (!url)
      immediate.set(
        assetKey(ref),
        unfetched(
          ref,
          'a relative URL: inside the host’s sandbox it resolves against the sandbox’s own origin',
          'relative',
        ),
      );
    else if (url.protocol !== 'http:' && url.protocol !== 'https:')
      immediate.set(
        assetKey(ref),
        unfetched(ref, `not fetched: a ${url.protocol} URL`, 'unknown', url.host),
      );
    else if (!toFetch.has(url.href)) {
      if (toFetch.size < WIDGET_LIMITS.maxAssetFetches) toFetch.set(url.href, url);
      else {
        probe.stoppedEarly ??= `checked the first ${WIDGET_LIMITS.maxAssetFetches} asset URLs`;
        immediate.set(
          assetKey(ref),
          unfetched(
            ref,
            `not fetched: more than ${WIDGET_LIMITS.maxAssetFetches} asset URLs`,
            'unknown',
            url.host,
          ),
        );
      }
    }
  }

  const phase = AbortSignal.any([ctx.signal, AbortSignal.timeout(WIDGET_LIMITS.assetPhaseMs)]);
  // One at a time: each check's exchanges are then exactly those recorded since its mark.
  const checked = new Map<string, AssetCheck>();
  for (const url of toFetch.values())
    checked.set(url.href, await checkOne(url, ctx.recorder, ctx.dial.resolve, phase));

  const out = new Map<string, WidgetAsset>();
  for (const ref of refs) {
    const key = assetKey(ref);
    const done = immediate.get(key);
    const check = ref.url ? checked.get(ref.url) : undefined;
    if (done) out.set(key, done);
    else if (check && ref.url)
      out.set(key, {
        ...unfetched(ref, check.skipped, check.scope, new URL(ref.url).host),
        addresses: check.addresses,
        fetch: check.fetch,
      });
  }
  return out;
}

async function checkOne(
  url: URL,
  recorder: Recorder,
  resolve: Resolver,
  phase: AbortSignal,
): Promise<AssetCheck> {
  if (phase.aborted)
    return {
      scope: 'unknown',
      addresses: [],
      fetch: null,
      skipped: 'not fetched: the asset checks ran out of time',
    };
  const { scope, addresses } = await classifyHost(url, resolve, phase);
  if (scope !== 'public' && scope !== 'loopback' && scope !== 'unknown') {
    return {
      scope,
      addresses,
      fetch: null,
      skipped: `not fetched: ${url.hostname} is on a ${scope} address, which MCP Doctor does not request`,
    };
  }
  const mark = recorder.mark();
  const signal = AbortSignal.any([phase, AbortSignal.timeout(WIDGET_LIMITS.assetTimeoutMs)]);
  let method: 'HEAD' | 'GET' = 'HEAD';
  try {
    let response = await recorder.fetchAnonymous(url.href, { method, redirect: 'manual', signal });
    if (response.status === 405 || response.status === 501) {
      await response.body?.cancel().catch(() => {});
      method = 'GET';
      response = await recorder.fetchAnonymous(url.href, {
        method,
        headers: { range: 'bytes=0-0' },
        redirect: 'manual',
        signal,
      });
    }
    await response.body?.cancel().catch(() => {});
    return {
      scope,
      addresses,
      skipped: null,
      fetch: {
        method,
        status: response.status,
        contentType: response.headers.get('content-type'),
        location: response.headers.get('location'),
        exchangeIds: recorder.idsSince(mark),
        error: null,
      },
    };
  } catch (error) {
    return {
      scope,
      addresses,
      skipped: null,
      fetch: {
        method,
        status: null,
        contentType: null,
        location: null,
        exchangeIds: recorder.idsSince(mark),
        error: toProbeError(error, `${method} ${url.href}`).toData(),
      },
    };
  }
}
