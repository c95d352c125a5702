import type { JobData, JobQueue, QueueKind, QueuedJob } from './queue/queue';

export type Handlers = { [K in QueueKind]: (job: QueuedJob<JobData[K]>) => Promise<void> };

/** Deliveries in flight at once per instance: a POST each, cheap, but bounded like everything. */
const DELIVERY_CONCURRENCY = 4;
/** Jobs taken per fetch at most. */
const BATCH = 10;

/**
 * Takes due jobs from the queue and runs them. Checks take a diagnosis slot each (`acquire`, the
 * process's admission: lib/security/admission.ts `tryAcquireScheduled`) before they are fetched,
 * so an instance only takes what it can start now and leaves the rest to others; pg-boss's own
 * `work()` polls a fixed batch size and could not. A handler that throws fails the job, which the
 * queue retries by its policy.
 */
export class Worker {
  private readonly inFlight = new Set<Promise<void>>();
  private deliveries = 0;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Handlers,
    private readonly acquire: () => (() => void) | null,
    /** Called when a job ends: a slot is free, and the job may have queued more. */
    private readonly onJobEnd: () => void = () => {},
  ) {}

  /** Starts as many due jobs as there is room for, without waiting for them; answers how many. */
  async pump(): Promise<number> {
    const held: (() => void)[] = [];
    for (let slot = this.acquire(); slot; slot = held.length < BATCH ? this.acquire() : null) {
      held.push(slot);
    }
    let started = 0;
    if (held.length) {
      const jobs = await this.queue.fetch('check', held.length).catch((error: unknown) => {
        log('fetch checks', error);
        return [];
      });
      for (const release of held.splice(jobs.length)) release();
      jobs.forEach((job, i) => this.track(this.run('check', job).finally(held[i])));
      started += jobs.length;
    }
    const room = Math.min(BATCH, DELIVERY_CONCURRENCY - this.deliveries);
    if (room > 0) {
      const jobs = await this.queue.fetch('delivery', room).catch((error: unknown) => {
        log('fetch deliveries', error);
        return [];
      });
      this.deliveries += jobs.length;
      for (const job of jobs) {
        this.track(this.run('delivery', job).finally(() => (this.deliveries -= 1)));
      }
      started += jobs.length;
    }
    return started;
  }

  /** Runs jobs until none is due and none is running: what tests and the benchmark wait on. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const started = await this.pump();
      total += started;
      if (started === 0 && this.inFlight.size === 0) return total;
      await Promise.all([...this.inFlight]);
    }
  }

  /** Waits for the jobs running now (a graceful stop). */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async run<K extends QueueKind>(kind: K, job: QueuedJob<JobData[K]>): Promise<void> {
    try {
      await this.handlers[kind](job);
      await this.queue.complete(kind, job);
    } catch (error) {
      log(`${kind} job ${job.id} (try ${job.attempt})`, error);
      await this.queue
        .fail(kind, job, error instanceof Error ? error : new Error(String(error)))
        .catch((e: unknown) => log(`fail ${kind} job ${job.id}`, e));
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      this.onJobEnd();
    });
  }
}

function log(doing: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`monitors: ${doing}: ${message.replace(/\s+/g, ' ').slice(0, 300)}`);
}
