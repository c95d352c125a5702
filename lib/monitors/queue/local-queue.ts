import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import {
  RETRY_POLICIES,
  retryDelayMs,
  type JobData,
  type JobQueue,
  type QueueKind,
  type QueuedJob,
  type RetryPolicy,
} from './queue';

interface Held {
  id: string;
  data: unknown;
  retryCount: number;
  runAt: number;
  active: boolean;
}

/**
 * The queue of a dashboard on SQLite: one process runs the schedule, so the jobs live in its
 * memory, due by the injected clock. What must outlive a restart is in the database: the next
 * tick of every monitor, and every pending webhook delivery (queued again at start). A check in
 * progress when the process dies is not made again; its run is marked interrupted and the next
 * tick comes as scheduled.
 */
export class LocalQueue implements JobQueue {
  readonly kind = 'in-process';
  private readonly jobs: Record<QueueKind, Held[]> = { check: [], delivery: [] };

  constructor(
    private readonly clock: Clock,
    private readonly policies: Record<QueueKind, RetryPolicy> = RETRY_POLICIES,
    private readonly random: () => number = Math.random,
  ) {}

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    this.jobs.check = [];
    this.jobs.delivery = [];
  }

  async sendCheck(data: JobData['check']): Promise<void> {
    this.push('check', data);
  }

  async sendDelivery(data: JobData['delivery']): Promise<void> {
    this.push('delivery', data);
  }

  private push(kind: QueueKind, data: unknown): void {
    this.jobs[kind].push({
      id: randomUUID(),
      data,
      retryCount: 0,
      runAt: this.clock.now(),
      active: false,
    });
  }

  async fetch<K extends QueueKind>(kind: K, limit: number): Promise<QueuedJob<JobData[K]>[]> {
    const now = this.clock.now();
    const policy = this.policies[kind];
    const taken: QueuedJob<JobData[K]>[] = [];
    for (const job of this.jobs[kind]) {
      if (taken.length >= limit) break;
      if (job.active || job.runAt > now) continue;
      job.active = true;
      taken.push({
        id: job.id,
        data: job.data as JobData[K],
        attempt: job.retryCount + 1,
        lastAttempt: job.retryCount >= policy.retries,
      });
    }
    return taken;
  }

  async complete(kind: QueueKind, job: QueuedJob<unknown>): Promise<void> {
    this.jobs[kind] = this.jobs[kind].filter((held) => held.id !== job.id);
  }

  async fail(kind: QueueKind, job: QueuedJob<unknown>): Promise<void> {
    const held = this.jobs[kind].find((h) => h.id === job.id);
    if (!held) return;
    const policy = this.policies[kind];
    if (held.retryCount >= policy.retries) return this.complete(kind, job);
    held.runAt = this.clock.now() + retryDelayMs(policy, held.retryCount, this.random());
    held.retryCount += 1;
    held.active = false;
  }

  nextRunAt(): number | null {
    const waiting = [...this.jobs.check, ...this.jobs.delivery].filter((j) => !j.active);
    return waiting.length ? Math.min(...waiting.map((j) => j.runAt)) : null;
  }
}
