import { z } from 'zod';
import { ProbeErrorSchema } from './schema-base';

/**
 * What the probe records about CORS: the answers a browser-based client (MCP Inspector's web UI,
 * a web playground) would get from a page on another origin. Client rules judge it
 * (lib/clients/browser.ts); no spec-level check does, as only browser clients care.
 */

/** One answer's CORS headers as a browser reads them: names lower-cased, lists split and bounded. */
export const CorsReadingSchema = z.object({
  /** The OPTIONS preflight, the real `initialize` POST, or a GET of an OAuth metadata document. */
  kind: z.enum(['preflight', 'request', 'metadata']),
  method: z.string(),
  url: z.string(),
  exchangeId: z.string().nullable(),
  /** Null when no answer came (the error says why). */
  status: z.number().int().nullable(),
  allowOrigin: z.string().nullable(),
  allowMethods: z.array(z.string()),
  allowHeaders: z.array(z.string()),
  exposeHeaders: z.array(z.string()),
  allowCredentials: z.boolean(),
  error: ProbeErrorSchema.nullable(),
});
export type CorsReading = z.infer<typeof CorsReadingSchema>;

export const CorsProbeSchema = z.object({
  /** The Origin every request carried. */
  origin: z.string(),
  /** The request headers the preflight asked for, as a browser lists them (lower-cased, sorted). */
  requestedHeaders: z.array(z.string()),
  preflight: CorsReadingSchema.nullable(),
  request: CorsReadingSchema.nullable(),
  /** One GET per accepted OAuth metadata document (protected resource, authorization server). */
  metadata: z.array(CorsReadingSchema),
});
export type CorsProbe = z.infer<typeof CorsProbeSchema>;
