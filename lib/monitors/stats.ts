import { percentile } from '@/lib/report/latency-schema';
import type { MonitorCheck } from './schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The windows uptime and latency are shown over, each cut into buckets for its chart. */
export const WINDOWS = [
  { id: '24h', label: '24 hours', ms: DAY, bucketMs: HOUR },
  { id: '7d', label: '7 days', ms: 7 * DAY, bucketMs: 6 * HOUR },
  { id: '30d', label: '30 days', ms: 30 * DAY, bucketMs: DAY },
] as const;
export type WindowId = (typeof WINDOWS)[number]['id'];

type Counted = Pick<MonitorCheck, 'dueAt' | 'outcome' | 'latencyMs'>;

export interface Uptime {
  /** Healthy checks over the checks MCP Doctor could make; null when there were none. */
  ratio: number | null;
  healthy: number;
  failing: number;
  /** Checks MCP Doctor itself could not make: counted neither way. */
  errors: number;
}

export function uptime(checks: readonly Counted[]): Uptime {
  const healthy = checks.filter((c) => c.outcome === 'healthy').length;
  const failing = checks.filter((c) => c.outcome === 'failing').length;
  return {
    ratio: healthy + failing ? healthy / (healthy + failing) : null,
    healthy,
    failing,
    errors: checks.length - healthy - failing,
  };
}

export interface Bucket extends Uptime {
  start: string;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** The window ending at `now`, bucket by bucket: uptime and latency percentiles of each. */
export function bucketize(checks: readonly Counted[], now: number, windowId: WindowId): Bucket[] {
  const window = WINDOWS.find((w) => w.id === windowId) ?? WINDOWS[0];
  const end = Math.ceil(now / window.bucketMs) * window.bucketMs;
  const start = end - window.ms;
  const count = window.ms / window.bucketMs;
  const groups: Counted[][] = Array.from({ length: count }, () => []);
  for (const check of checks) {
    const at = Date.parse(check.dueAt);
    if (at < start || at >= end) continue;
    groups[Math.floor((at - start) / window.bucketMs)]?.push(check);
  }
  return groups.map((group, i) => {
    const latencies = group
      .map((c) => c.latencyMs)
      .filter((ms): ms is number => ms !== null)
      .sort((a, b) => a - b);
    return {
      start: new Date(start + i * window.bucketMs).toISOString(),
      ...uptime(group),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
    };
  });
}

/** Uptime over each window ending at `now`. */
export function uptimes(checks: readonly Counted[], now: number): Record<WindowId, Uptime> {
  const over = (ms: number) => uptime(checks.filter((c) => Date.parse(c.dueAt) > now - ms));
  return Object.fromEntries(WINDOWS.map((w) => [w.id, over(w.ms)])) as Record<WindowId, Uptime>;
}
