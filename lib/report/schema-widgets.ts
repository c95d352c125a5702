import { z } from 'zod';
import { ADDRESS_SCOPES } from '@/lib/net/address';
import { ProbeErrorSchema } from './schema-base';
import { ToolCallSchema, type ToolCall } from './schema-calls';

/**
 * What the probe records about widgets: the resource listings, the `resources/read` of every
 * template a tool declares, and the assets each template's HTML references. Plain data: the checks
 * judge it, the UI shows it, and the report's `widgets.widgets[]` is what API users read.
 */

/** The two widget standards ChatGPT renders: OpenAI's Apps SDK and the MCP Apps extension (SEP-1865). */
export const WidgetStandardSchema = z.enum(['apps-sdk', 'mcp-apps']);
export type WidgetStandard = z.infer<typeof WidgetStandardSchema>;

/**
 * The tool `_meta` keys that link a tool to a template: `openai/outputTemplate` (Apps SDK),
 * `ui.resourceUri` (MCP Apps 2026-01-26) and the flat `ui/resourceUri` it deprecates.
 */
export const DeclarationKeySchema = z.enum([
  'openai/outputTemplate',
  'ui.resourceUri',
  'ui/resourceUri',
]);
export type DeclarationKey = z.infer<typeof DeclarationKeySchema>;

export const DeclarationSchema = z.object({
  key: DeclarationKeySchema,
  standard: WidgetStandardSchema,
  /** The declared value when it is a string; null otherwise (`valueType` says what it was). */
  uri: z.string().nullable(),
  valueType: z.string(),
});
export type Declaration = z.infer<typeof DeclarationSchema>;

/** One paged listing (`resources/list` or `resources/templates/list`), bounded in pages and items. */
export const ResourceListingSchema = z.object({
  method: z.enum(['resources/list', 'resources/templates/list']),
  /** The raw `resources` / `resourceTemplates` entries, as received. */
  items: z.array(z.unknown()),
  pages: z.number().int(),
  exchangeIds: z.array(z.string()),
  error: ProbeErrorSchema.nullable(),
  stoppedEarly: z.string().nullable(),
});
export type ResourceListing = z.infer<typeof ResourceListingSchema>;

/** The `resources/list` entry (or matching `resources/templates/list` template) for a template URI. */
export const ListEntrySchema = z.object({
  method: z.enum(['resources/list', 'resources/templates/list']),
  /** The entry's `uri`, or the `uriTemplate` that matched. */
  uri: z.string(),
  mimeType: z.string().nullable(),
  meta: z.unknown(),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;

/** The content of a `resources/read` result that the host would render. */
export const TemplateContentSchema = z.object({
  uri: z.string().nullable(),
  mimeType: z.string().nullable(),
  /** Whether the HTML came as `text` or base64 `blob`; `none` when the content has neither. */
  encoding: z.enum(['text', 'blob', 'none']),
  /** Size of the HTML in bytes (UTF-8), whatever was kept. */
  bytes: z.number().int().nonnegative(),
  /** The HTML, bounded (see `truncated`); null when there is none. */
  html: z.string().nullable(),
  truncated: z.boolean(),
  /** Why a `blob` could not be decoded, when it could not. */
  decodeError: z.string().nullable(),
  /** The content's `_meta`, as received. */
  meta: z.unknown(),
});
export type TemplateContent = z.infer<typeof TemplateContentSchema>;

/** One `resources/read` of a template URI declared by at least one tool. */
export const TemplateReadSchema = z.object({
  uri: z.string(),
  /** The exchange that carried the `resources/read`. */
  exchangeId: z.string().nullable(),
  durationMs: z.number(),
  error: ProbeErrorSchema.nullable(),
  /** How many entries `contents` had. */
  contentCount: z.number().int(),
  content: TemplateContentSchema.nullable(),
  listEntry: ListEntrySchema.nullable(),
});
export type TemplateRead = z.infer<typeof TemplateReadSchema>;

/**
 * A declared content security policy: `openai/widgetCSP` (snake_case keys) for the Apps SDK,
 * `ui.csp` (camelCase) for MCP Apps, normalised to one shape. `source` says whether it came from
 * the `resources/read` content's `_meta` (what hosts use) or, failing that, the list entry's.
 */
export const WidgetCspSchema = z.object({
  standard: WidgetStandardSchema,
  key: z.enum(['openai/widgetCSP', 'ui.csp']),
  source: z.enum(['content', 'list']),
  connectDomains: z.array(z.string()),
  resourceDomains: z.array(z.string()),
  frameDomains: z.array(z.string()),
  baseUriDomains: z.array(z.string()),
  redirectDomains: z.array(z.string()),
  /** Entries that are not strings, or fields that are not arrays, described. */
  invalid: z.array(z.string()),
});
export type WidgetCsp = z.infer<typeof WidgetCspSchema>;

export const WidgetDomainSchema = z.object({
  standard: WidgetStandardSchema,
  key: z.enum(['openai/widgetDomain', 'ui.domain']),
  source: z.enum(['content', 'list']),
  value: z.string(),
});
export type WidgetDomain = z.infer<typeof WidgetDomainSchema>;

export const AssetKindSchema = z.enum([
  'script',
  'style',
  'image',
  'font',
  'media',
  'frame',
  'object',
  'other',
]);
export type AssetKind = z.infer<typeof AssetKindSchema>;

/** Where a host stands, as far as a browser in ChatGPT reaching it goes. */
export const AssetScopeSchema = z.union([
  // An address scope as lib/net/address.ts classifies it ('invalid' cannot happen for an asset).
  z.enum(ADDRESS_SCOPES).exclude(['invalid']),
  // 'unknown': not resolved (the name did not resolve, or the asset is not an http(s) URL).
  // 'relative': a relative URL, which resolves against the host sandbox's own origin.
  z.enum(['unknown', 'relative']),
]);
export type AssetScope = z.infer<typeof AssetScopeSchema>;

/** One external asset the HTML references, and what happened when the probe asked for it. */
export const WidgetAssetSchema = z.object({
  /** The reference as written (bounded). */
  ref: z.string(),
  /** Absolute URL after `<base href>` resolution; null for a relative reference without a base. */
  url: z.string().nullable(),
  kind: AssetKindSchema,
  /** The element and attribute (or CSS construct) it came from, e.g. `<script src>`. */
  where: z.string(),
  host: z.string().nullable(),
  scope: AssetScopeSchema,
  addresses: z.array(z.string()),
  /** The probe's request for it (HEAD, or a one-byte GET when HEAD is refused). */
  fetch: z
    .object({
      method: z.enum(['HEAD', 'GET']),
      status: z.number().int().nullable(),
      contentType: z.string().nullable(),
      location: z.string().nullable(),
      exchangeIds: z.array(z.string()),
      error: ProbeErrorSchema.nullable(),
    })
    .nullable(),
  /** Why the probe did not ask for it (a private address, a bound). */
  skipped: z.string().nullable(),
});
export type WidgetAsset = z.infer<typeof WidgetAssetSchema>;

/** One row of a judged report: a widget check that did not pass, about this widget. */
export const WidgetFindingSchema = z.object({
  check: z.string(),
  status: z.enum(['fail', 'error']),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string().nullable(),
  message: z.string(),
  detail: z.string(),
});
export type WidgetFinding = z.infer<typeof WidgetFindingSchema>;

/** A tool that declares a widget, with what its template turned out to be. */
export const WidgetSchema = z.object({
  tool: z.string(),
  /** `annotations.readOnlyHint === true`: only such tools may be called from the dashboard. */
  readOnlyHint: z.boolean(),
  declarations: z.array(DeclarationSchema),
  standards: z.array(WidgetStandardSchema),
  /**
   * The template a host renders: `ui.resourceUri` (ChatGPT prefers MCP Apps), else the flat
   * `ui/resourceUri`, else `openai/outputTemplate`. Null when no declaration is a string.
   */
  uri: z.string().nullable(),
  /** From the `resources/read` of `uri` (null when it failed). */
  mimeType: z.string().nullable(),
  size: z.number().int().nullable(),
  csp: z.array(WidgetCspSchema),
  domain: z.array(WidgetDomainSchema),
  assets: z.array(WidgetAssetSchema),
  /** Filled in the report (not by the probe): the widget checks that found something here. */
  findings: z.array(WidgetFindingSchema).optional(),
});
export type Widget = z.infer<typeof WidgetSchema>;

/** A `tools/call` of a widget's tool ("Call and render"): the same record as any tool call. */
export const WidgetCallSchema = ToolCallSchema;
export type WidgetCall = ToolCall;

/**
 * The body of a script or stylesheet a template loads, fetched (GET, bounded, anonymously, under
 * the same address rules as the asset checks) so that `widgets.csp-coverage` can read the origins
 * the code itself uses: `fetch`, `XMLHttpRequest`, `WebSocket`, `EventSource`, `url()`, `@import`.
 */
export const WidgetSourceSchema = z.object({
  url: z.string(),
  kind: z.enum(['script', 'style']),
  /** The text read, at most the step's per-source bound; null when nothing could be read. */
  text: z.string().nullable(),
  /** Bytes read before the bound stopped the read. */
  bytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
  status: z.number().int().nullable(),
  exchangeIds: z.array(z.string()),
  error: ProbeErrorSchema.nullable(),
  /** Why it was not fetched (a private address, the asset did not answer 2xx, a bound). */
  skipped: z.string().nullable(),
});
export type WidgetSource = z.infer<typeof WidgetSourceSchema>;

export const WidgetsProbeSchema = z.object({
  resources: ResourceListingSchema.nullable(),
  resourceTemplates: ResourceListingSchema.nullable(),
  /** One per distinct template URI declared by the tools (bounded). */
  templates: z.array(TemplateReadSchema),
  /** One per tool that declares a widget, in tool order. */
  widgets: z.array(WidgetSchema),
  /** Why the probe stopped reading templates or fetching assets early (a bound). */
  stoppedEarly: z.string().nullable(),
  /** Calls of widget tools made before `report.calls` existed; new calls go to `report.calls`. */
  calls: z.array(WidgetCallSchema),
  /** The templates' external scripts and stylesheets as read; absent in transcripts recorded before it existed. */
  sources: z.array(WidgetSourceSchema).optional(),
});
export type WidgetsProbe = z.infer<typeof WidgetsProbeSchema>;
