import { z } from 'zod';

/**
 * The result of the widget CSP coverage analysis (issue 15): the origins a widget's HTML, scripts
 * and styles load from, matched against what it declares. Hosts build the widget's
 * Content-Security-Policy from the declared lists and MUST NOT allow anything undeclared (MCP Apps
 * 2026-01-26, "Host Behavior":
 * https://github.com/modelcontextprotocol/ext-apps/blob/main/specification/2026-01-26/apps.mdx):
 * `ui.csp.connectDomains` → connect-src (fetch, XHR, WebSocket), `resourceDomains` → script-src,
 * style-src, img-src, font-src, media-src, `frameDomains` → frame-src. ChatGPT also reads the
 * Apps SDK's `openai/widgetCSP` with `connect_domains`, `resource_domains`, `frame_domains`
 * (https://developers.openai.com/apps-sdk/reference).
 */

export const CspListSchema = z.enum(['connect', 'resource', 'frame']);
export type CspList = z.infer<typeof CspListSchema>;

/** Each list with the key that declares it, in both standards. */
export const CSP_KEYS: Record<CspList, readonly [string, string]> = {
  connect: ['ui.csp.connectDomains', 'openai/widgetCSP.connect_domains'],
  resource: ['ui.csp.resourceDomains', 'openai/widgetCSP.resource_domains'],
  frame: ['ui.csp.frameDomains', 'openai/widgetCSP.frame_domains'],
};

export const ViaSchema = z.enum([
  'fetch',
  'xhr',
  'websocket',
  'eventsource',
  'beacon',
  'import',
  'worker',
  'src-assignment',
  'script',
  'style',
  'img',
  'font',
  'media',
  'iframe',
  'css-url',
  'css-import',
  'preload',
  'other',
]);
export type Via = z.infer<typeof ViaSchema>;

export const SourceLocationSchema = z.object({
  /** The script's URL, `inline #n` (n-th inline script, from 1), `html`, or a stylesheet's URL. */
  script: z.string(),
  /** 1-based; for inline scripts and styles, the line of the HTML document. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The source around the reference, escaped and bounded (minified code has long lines). */
  excerpt: z.string(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const UsedOriginSchema = z.object({
  origin: z.string(),
  /** The first URL seen for this origin and list (host-sources may have paths). */
  url: z.string(),
  kind: CspListSchema,
  via: ViaSchema,
  source: SourceLocationSchema,
});
export type UsedOrigin = z.infer<typeof UsedOriginSchema>;

export const UndeclaredSchema = z.object({
  origin: z.string(),
  kind: CspListSchema,
  /** What to add: the origin as a host-source. */
  add: z.string(),
  /** Where to add it: the MCP Apps key, then the Apps SDK key. */
  keys: z.array(z.string()),
  /** Every place that loads from it (bounded). */
  uses: z.array(UsedOriginSchema),
});
export type Undeclared = z.infer<typeof UndeclaredSchema>;

export const UnusedDeclaredSchema = z.object({
  source: z.string(),
  kind: CspListSchema,
  keys: z.array(z.string()),
});
export type UnusedDeclared = z.infer<typeof UnusedDeclaredSchema>;

export const CspCoverageSchema = z.object({
  used: z.array(UsedOriginSchema),
  undeclared: z.array(UndeclaredSchema),
  /** Declared sources nothing found here uses: info only (a URL built at run time may use it). */
  unusedDeclared: z.array(UnusedDeclaredSchema),
  /**
   * References that resolve against the widget's own origin (relative URLs, or the given
   * widgetOrigin): the host's sandbox origin, not the server — allowed by 'self' where the host
   * grants it, and never the server's files.
   */
  sameOrigin: z.array(z.object({ ref: z.string(), via: ViaSchema, source: SourceLocationSchema })),
  /** Loads whose URL is computed at run time: not judged, listed so a person can look. */
  dynamic: z.array(z.object({ via: ViaSchema, source: SourceLocationSchema })),
  /** Scripts that did not parse: read with an error-tolerant parser instead, so findings may be missing. */
  parseErrors: z.array(
    z.object({
      script: z.string(),
      message: z.string(),
      line: z.number().int(),
      column: z.number().int(),
    }),
  ),
  /** A bound was reached (script size, script count, references): some code was not read. */
  truncated: z.boolean(),
});
export type CspCoverage = z.infer<typeof CspCoverageSchema>;

/** A text fetched by the probe: a script or a stylesheet, with its URL (null: inline). */
export const FetchedTextSchema = z.object({ url: z.string().nullable(), text: z.string() });
export type FetchedText = z.infer<typeof FetchedTextSchema>;

/** The declared lists, from `ui.csp` or `openai/widgetCSP` (lib/widgets/meta.ts normalises both). */
export const DeclaredCspSchema = z.object({
  connect: z.array(z.string()),
  resource: z.array(z.string()),
  frame: z.array(z.string()),
});
export type DeclaredCsp = z.infer<typeof DeclaredCspSchema>;

/** One reference found in HTML, CSS or JavaScript, before it is resolved and judged. */
export interface Load {
  /** As written (a static prefix for template literals); null when computed at run time. */
  ref: string | null;
  /** What to resolve a relative `ref` against, when not the document (a module's own URL). */
  base: string | null;
  kind: CspList;
  via: Via;
  source: SourceLocation;
}
