import { z } from 'zod';
import { EraSchema, ProbeErrorSchema } from './schema-base';

/**
 * What the probe records about a local server's exposure to web pages: on a loopback or private
 * target only, the answers to the era's first request (`initialize`, or `server/discover` for a
 * 2026-07-28-only server) sent anonymously with a foreign `Origin`, and with a foreign `Host` and
 * `Origin` as a DNS-rebinding page's request arrives. MCP 2025-11-25 and 2026-07-28
 * (basic/transports, security): servers MUST validate the Origin header of every incoming
 * connection, and local servers SHOULD bind only to localhost — else a web page can drive them.
 */
export const ExposureAttemptSchema = z.object({
  /** `origin`: a foreign Origin with the real Host; `host`: a foreign Host and Origin (DNS rebinding). */
  kind: z.enum(['origin', 'host']),
  host: z.string(),
  origin: z.string(),
  exchangeId: z.string().nullable(),
  /** Null when no answer came (the error says why). */
  status: z.number().int().nullable(),
  /** A 2xx answer: the server would have served the page. */
  accepted: z.boolean(),
  error: ProbeErrorSchema.nullable(),
});
export type ExposureAttempt = z.infer<typeof ExposureAttemptSchema>;

export const ExposureProbeSchema = z.object({
  /** The target's address scope as dialled (loopback, private…): why the step ran. */
  scope: z.string(),
  address: z.string(),
  /** The era the requests were made in; runs recorded before it existed made only 2025 ones. */
  era: EraSchema.optional(),
  attempts: z.array(ExposureAttemptSchema),
});
export type ExposureProbe = z.infer<typeof ExposureProbeSchema>;

/** The request that opens each era: what the exposure requests send, and the findings name. */
export const OPENING_METHOD = {
  legacy: 'initialize',
  modern: 'server/discover',
} as const satisfies Record<z.infer<typeof EraSchema>, string>;
