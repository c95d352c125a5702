import type { DialPolicy } from '@/lib/probe/dialer';
import type { RunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import type { Clock } from './clock';
import type { JobQueue } from './queue/queue';
import type { KeyRing } from './secrets';
import type { MonitorStore } from './store';

/**
 * What the monitors work with, handed in rather than reached for, so tests give them a fake clock,
 * their own database and a loopback-only world. `runs` is the app's run registry: a scheduled
 * check is saved exactly as `POST /api/runs` saves a run.
 */
export interface MonitorContext {
  store: MonitorStore;
  runs: RunRegistry & { load(id: string): Promise<Run | undefined> };
  queue: JobQueue;
  keys: KeyRing;
  clock: Clock;
  /** The address policy webhooks are dialled under (the probe's: MCP_DOCTOR_BLOCK_PRIVATE). */
  policy: DialPolicy;
  /** The dashboard's public origin, for the links in alerts. */
  origin: string;
}
