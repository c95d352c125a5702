import { z } from 'zod';
import { ProbeErrorSchema, TransportSchema } from './schema-base';

export const LatencyMethodSchema = z.enum(['initialize', 'server/discover', 'tools/list']);
export type LatencyMethod = z.infer<typeof LatencyMethodSchema>;

/** One method's timings over the repeated samples; the statistics are null when none succeeded. */
export const LatencyStatsSchema = z.object({
  method: LatencyMethodSchema,
  /** Samples that succeeded and count towards the statistics. */
  samples: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  p50Ms: z.number().nonnegative().nullable(),
  p95Ms: z.number().nonnegative().nullable(),
  maxMs: z.number().nonnegative().nullable(),
});
export type LatencyStats = z.infer<typeof LatencyStatsSchema>;

/**
 * `repeat=N`: the handshake and `tools/list` timed N more times, each in a new session, as a
 * client that reconnects sees them. One diagnosis shows one sample; this shows the spread.
 */
export const LatencySchema = z.object({
  repeat: z.number().int().min(1),
  transport: TransportSchema,
  methods: z.array(LatencyStatsSchema),
  /** The distinct errors met, first few only. */
  errors: z.array(ProbeErrorSchema),
});
export type Latency = z.infer<typeof LatencySchema>;

/** Nearest-rank percentile (the smallest sample with at least p% of samples at or below it). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

export function latencyStats(
  method: LatencyMethod,
  durations: readonly number[],
  failures: number,
): LatencyStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 10) / 10);
  return {
    method,
    samples: sorted.length,
    failures,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? null),
  };
}
