import { z } from 'zod';

/**
 * The shape of one row of the edge table (lib/edges/signatures.ts): something that can answer an MCP
 * client instead of the MCP server — a CDN challenge, a login wall, a gateway, a sleeping host, a
 * proxy's default error page, a tunnel — how to recognise it from the recorded response, and what
 * to do about it.
 */

export const EdgeKindSchema = z.enum([
  'tunnel',
  'bot-protection',
  'access-login',
  'deployment-protection',
  'password-protection',
  'platform-auth',
  'api-gateway',
  'waf',
  'sleeping-host',
  'crashed-host',
  'default-page',
]);
export type EdgeKind = z.infer<typeof EdgeKindSchema>;

/** What a piece of evidence quotes: a header line, a body line, the Location header, the status. */
export const EvidenceKindSchema = z.enum(['header', 'body', 'location', 'status']);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

// A `g` or `y` flag makes `test` and `exec` remember where they stopped: one table, reused on every
// exchange, must not carry state from the last one.
const regExp = z
  .instanceof(RegExp)
  .refine((r) => !r.global && !r.sticky, { message: 'no g or y flag on a shared pattern' });

/** A response header whose value must match; names are compared case-insensitively. */
export const HeaderRuleSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'header names are written lower-case'),
  pattern: regExp,
});
export type HeaderRule = z.infer<typeof HeaderRuleSchema>;

/**
 * One way a signature shows. Every clause present must hold (AND): the status is one of `status`,
 * every header rule matches one value of its header, at least one `body` pattern matches the
 * scanned body (OR within the list), `location` matches the Location header, `host` matches the
 * request's host name. A status alone never names an edge, so a pattern carries at least one of
 * headers, body, location or host. `quote` picks the clause the evidence quotes; by default the
 * first header rule, else the Location header, else the body, else the status line.
 */
export const EdgePatternSchema = z
  .object({
    status: z.array(z.number().int().min(100).max(599)).min(1).readonly().optional(),
    headers: z.array(HeaderRuleSchema).min(1).readonly().optional(),
    body: z.array(regExp).min(1).readonly().optional(),
    location: regExp.optional(),
    host: regExp.optional(),
    quote: EvidenceKindSchema.optional(),
  })
  .refine((p) => p.headers || p.body || p.location || p.host, {
    message: 'a status alone never names an edge',
  })
  .refine(
    (p) =>
      p.quote === undefined ||
      p.quote === 'status' ||
      (p.quote === 'header' && p.headers) ||
      (p.quote === 'body' && p.body) ||
      (p.quote === 'location' && p.location),
    { message: 'the quoted clause must be part of the pattern' },
  );
export type EdgePattern = z.infer<typeof EdgePatternSchema>;

export const EdgeSignatureSchema = z.object({
  /** Stable kebab-case id: findings, fixtures and the UI refer to it. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** What a reader calls it: "Cloudflare bot protection". */
  name: z.string().min(1),
  kind: EdgeKindSchema,
  /** Any one pattern identifies the signature (OR across patterns). */
  match: z.array(EdgePatternSchema).min(1).readonly(),
  /** One sentence: what answered and why the MCP server never saw the request. */
  meaning: z.string().min(1),
  /** What to change, on that platform, so ChatGPT and Claude reach the server. */
  fix: z.string().min(1),
  /** The vendor's page for this behaviour. */
  docs: z.url({ protocol: /^https$/ }),
  /** Where the signature facts (headers, status, body text) come from: vendor docs or user reports. */
  source: z
    .array(z.url({ protocol: /^https$/ }))
    .min(1)
    .readonly(),
  /**
   * `documented`: the vendor documents the marker. `observed`: it comes from recorded responses in
   * public reports, not from vendor documentation, and may change without notice.
   */
  provenance: z.enum(['documented', 'observed']),
  /** When the facts were last checked at their sources. */
  asOf: z.iso.date(),
});
export type EdgeSignature = z.infer<typeof EdgeSignatureSchema>;
