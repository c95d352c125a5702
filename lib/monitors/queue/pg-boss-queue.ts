import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { MonitorTransaction } from '../store';
import {
  QUEUE_NAMES,
  RETRY_POLICIES,
  type JobData,
  type JobQueue,
  type QueueKind,
  type QueuedJob,
  type RetryPolicy,
} from './queue';

/**
 * The queue shared by every dashboard instance on one PostgreSQL, through pg-boss (its own
 * `pgboss` schema, migrated by whichever instance starts first, under an advisory lock). A job is
 * taken by one instance only (`SELECT … FOR UPDATE SKIP LOCKED`, pg-boss plans.js `fetchNextJob`);
 * one whose instance died is taken back when its `expireInSeconds` pass (pg-boss's supervisor,
 * `failJobsByTimeout`) and tried again; retries wait with pg-boss's exponential backoff.
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss';
  private readonly boss: PgBoss;

  constructor(
    connectionString: string,
    private readonly policies: Record<QueueKind, RetryPolicy> = RETRY_POLICIES,
    options: { maintenanceIntervalSeconds?: number } = {},
  ) {
    this.boss = new PgBoss({
      connectionString,
      // Beside the store's own pool of 5: fetching, completing and sending are short statements.
      max: 3,
      application_name: 'mcp-doctor-monitors',
      // The schedule is the monitors' own (next_due_at); pg-boss's cron is not used.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    });
    // An EventEmitter without an `error` listener throws; a lost connection is one line.
    this.boss.on('error', (error: Error) => {
      console.error(`monitors: queue: ${error.message.replace(/\s+/g, ' ').slice(0, 200)}`);
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const kind of Object.keys(QUEUE_NAMES) as QueueKind[]) {
      const policy = this.policies[kind];
      await this.boss.createQueue(QUEUE_NAMES[kind], {
        name: QUEUE_NAMES[kind],
        retryLimit: policy.retries,
        retryDelay: policy.delaySeconds,
        retryBackoff: policy.backoff,
        expireInSeconds: policy.expireSeconds,
      });
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
  }

  /** The check is inserted by the claim's own transaction (pg-boss's `db` option): both or neither. */
  async sendCheck(data: JobData['check'], trx: MonitorTransaction): Promise<void> {
    const db = {
      executeSql: async (text: string, values: unknown[]) => {
        const result = await trx.executeQuery(CompiledQuery.raw(text, values));
        return { rows: result.rows as unknown[] };
      },
    };
    await this.boss.send(QUEUE_NAMES.check, data, { db });
  }

  async sendDelivery(data: JobData['delivery']): Promise<void> {
    await this.boss.send(QUEUE_NAMES.delivery, data);
  }

  async fetch<K extends QueueKind>(kind: K, limit: number): Promise<QueuedJob<JobData[K]>[]> {
    const jobs = await this.boss.fetch<JobData[K]>(QUEUE_NAMES[kind], {
      batchSize: limit,
      includeMetadata: true,
    });
    return jobs.map((job) => ({
      id: job.id,
      data: job.data,
      attempt: job.retryCount + 1,
      lastAttempt: job.retryCount >= job.retryLimit,
    }));
  }

  async complete(kind: QueueKind, job: QueuedJob<unknown>): Promise<void> {
    await this.boss.complete(QUEUE_NAMES[kind], job.id);
  }

  async fail(kind: QueueKind, job: QueuedJob<unknown>, error: Error): Promise<void> {
    await this.boss.fail(QUEUE_NAMES[kind], job.id, { message: error.message.slice(0, 500) });
  }

  /** pg-boss keeps its own time in the database; every instance polls it. */
  nextRunAt(): null {
    return null;
  }

  /** What the supervisor does every maintenance interval: jobs held too long are taken back. */
  expireNow(): Promise<void> {
    return this.boss.expire();
  }
}
