import { percentile } from '@/lib/report/latency-schema';
import type { Monitor, MonitorCheck } from './schema';
import { uptimes, type Uptime, type WindowId } from './stats';

const DAY = 86_400_000;

/** What `/monitors/<id>/status.json` answers: the state, uptime and latency, no credential. */
export interface MonitorStatus {
  id: string;
  name: string;
  url: string;
  state: Monitor['state'];
  since: string | null;
  paused: boolean;
  everyMinutes: number;
  lastCheckAt: string | null;
  nextCheckAt: string;
  lastRunId: string | null;
  uptime: Record<WindowId, Uptime>;
  /** Over the last 24 hours. */
  latency: { p50Ms: number | null; p95Ms: number | null };
}

export function monitorStatus(
  monitor: Monitor,
  checks: readonly MonitorCheck[],
  now: number,
): MonitorStatus {
  const day = checks
    .filter((c) => Date.parse(c.dueAt) > now - DAY && c.latencyMs !== null)
    .map((c) => c.latencyMs as number)
    .sort((a, b) => a - b);
  return {
    id: monitor.id,
    name: monitor.name,
    url: monitor.url,
    state: monitor.state,
    since: monitor.stateSince,
    paused: monitor.paused,
    everyMinutes: monitor.everyMinutes,
    lastCheckAt: monitor.lastCheckAt,
    nextCheckAt: monitor.nextCheckAt,
    lastRunId: monitor.lastRunId,
    uptime: uptimes(checks, now),
    latency: { p50Ms: percentile(day, 50), p95Ms: percentile(day, 95) },
  };
}
