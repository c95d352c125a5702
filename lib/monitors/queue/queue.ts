import type { MonitorTransaction } from '../store';

/** The two kinds of work, each a queue of its own. */
export const QUEUE_NAMES = {
  check: 'mcp-doctor-monitor-check',
  delivery: 'mcp-doctor-monitor-webhook',
} as const;
export type QueueKind = keyof typeof QUEUE_NAMES;

export interface CheckJobData {
  monitorId: string;
  /** The tick (ISO time) the check is for. */
  dueAt: string;
}

export interface DeliveryJobData {
  deliveryId: string;
}

export interface JobData {
  check: CheckJobData;
  delivery: DeliveryJobData;
}

export interface QueuedJob<T> {
  id: string;
  data: T;
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows a failure of this try. */
  lastAttempt: boolean;
}

/**
 * How often each kind is tried again when it fails, how long before (seconds, doubled each time
 * with jitter when `backoff`), and how long a try may hold a job before the queue takes it back
 * from an instance that died with it (PostgreSQL only).
 */
export interface RetryPolicy {
  retries: number;
  delaySeconds: number;
  backoff: boolean;
  expireSeconds: number;
}

export const RETRY_POLICIES: Record<QueueKind, RetryPolicy> = {
  // A check whose instance died is made once more by another; its run is marked interrupted. Five
  // minutes: a run's longest time budget (two minutes), its `repeat` samples and a margin.
  check: { retries: 1, delaySeconds: 0, backoff: false, expireSeconds: 300 },
  // Six tries over about half an hour (30 s, 1, 2, 4, 8 min, each up to twice that with jitter).
  delivery: { retries: 5, delaySeconds: 30, backoff: true, expireSeconds: 60 },
};

/**
 * Where scheduled work waits for an instance to take it: pg-boss on PostgreSQL (shared by every
 * instance), an in-process queue on SQLite. A job taken is completed or failed; a failure is tried
 * again by the kind's RetryPolicy until its tries are spent.
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues a claimed tick's check in the transaction that claimed it, where the queue can. */
  sendCheck(data: CheckJobData, trx: MonitorTransaction): Promise<void>;
  sendDelivery(data: DeliveryJobData): Promise<void>;
  /** Takes up to `limit` jobs that are due; each is this instance's until completed or failed. */
  fetch<K extends QueueKind>(kind: K, limit: number): Promise<QueuedJob<JobData[K]>[]>;
  complete(kind: QueueKind, job: QueuedJob<unknown>): Promise<void>;
  fail(kind: QueueKind, job: QueuedJob<unknown>, error: Error): Promise<void>;
  /** When the next job held back for a retry becomes due (the in-process queue's own timer). */
  nextRunAt(): number | null;
}

/**
 * pg-boss's retry delay with `retryBackoff` (plans.js `failJobs`, v10): the base delay times
 * 2^(tries so far) / 2, plus up to as much again at random ("equal jitter"), so retries of many
 * deliveries that failed together do not arrive together. The in-process queue uses the same.
 */
export function retryDelayMs(policy: RetryPolicy, retryCount: number, random: number): number {
  if (!policy.backoff) return policy.delaySeconds * 1000;
  const half = (policy.delaySeconds * 2 ** Math.min(16, retryCount + 1)) / 2;
  return (half + half * random) * 1000;
}
