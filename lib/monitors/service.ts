import type { MonitorContext } from './context';
import { deliverAlert } from './deliver';
import { resealSecrets } from './monitors';
import { runScheduledCheck } from './run-check';
import { Scheduler } from './scheduler';
import { Worker } from './worker';

/** How long a loop may sleep: other instances queue work for this one to take (PostgreSQL). */
const POLL_MS = { 'pg-boss': 5_000, 'in-process': 60_000 } as const;
const PRUNE_EVERY_MS = 60 * 60_000;
/** Checks are kept a little longer than the 30-day chart; runs of quiet checks a week. */
export const MONITOR_RETENTION_DAYS = { checks: 35, runs: 7 } as const;

/**
 * The monitors of one dashboard process: the scheduler, the worker and the loop that drives them
 * on real time. Tests and the benchmark drive `scheduler.tick()` and `worker.drain()` themselves
 * with a fake clock; the loop only decides when to call them.
 */
export class MonitorService {
  readonly scheduler: Scheduler;
  readonly worker: Worker;
  private timer: NodeJS.Timeout | null = null;
  private cycling: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private looping = false;
  private lastPrune = 0;

  constructor(
    readonly ctx: MonitorContext,
    acquire: () => (() => void) | null,
    private readonly retentionDays: number,
  ) {
    this.scheduler = new Scheduler(ctx.store, ctx.queue, ctx.clock);
    this.worker = new Worker(
      ctx.queue,
      { check: (job) => runScheduledCheck(ctx, job), delivery: (job) => deliverAlert(ctx, job) },
      acquire,
      () => this.wake(),
    );
  }

  /**
   * Starts the queue, queues again the deliveries an in-process queue lost with its last process,
   * seals under the current key what an older one sealed; then, with `loop`, runs the schedule.
   */
  async start({ loop }: { loop: boolean }): Promise<void> {
    await this.ctx.queue.start();
    if (this.ctx.queue.kind === 'in-process') {
      for (const delivery of await this.ctx.store.pendingDeliveries()) {
        await this.ctx.queue.sendDelivery({ deliveryId: delivery.id });
      }
    }
    const resealed = await resealSecrets(this.ctx);
    if (resealed)
      console.log(`monitors: sealed ${resealed} monitors' credentials with the current key`);
    this.looping = loop;
    this.wake();
  }

  /** Runs a cycle now (a monitor was created or resumed, a job finished), when looping. */
  wake(): void {
    if (this.stopped || !this.looping) return;
    if (this.cycling) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cycling = this.cycle().finally(() => {
      this.cycling = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async cycle(): Promise<void> {
    let delay: number = POLL_MS[this.ctx.queue.kind];
    try {
      await this.scheduler.tick();
      await this.worker.pump();
      const now = this.ctx.clock.now();
      if (now - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = now;
        await this.ctx.store.prune(now, { ...MONITOR_RETENTION_DAYS, events: this.retentionDays });
      }
      const next = [await this.scheduler.nextDueAt(), this.ctx.queue.nextRunAt()].filter(
        (t): t is number => t !== null,
      );
      if (next.length) delay = Math.min(delay, Math.max(0, Math.min(...next) - now));
    } catch (error) {
      console.error(`monitors: ${(error as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    if (this.stopped) return;
    // At least a quarter second between cycles: a clock a little behind the database's must not spin.
    this.timer = setTimeout(() => this.wake(), Math.max(250, delay));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.cycling;
    await this.worker.idle();
    await this.ctx.queue.stop();
  }
}
