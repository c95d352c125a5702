import type { Clock } from './clock';
import type { CheckJobData, JobQueue } from './queue/queue';
import { nextTick } from './schedule';
import type { MonitorStore } from './store';

/** Monitors claimed per tick at most; the rest are claimed on the next (they stay due). */
const CLAIMS_PER_TICK = 200;

/**
 * Turns due monitors into queued checks. Every instance ticks; for each due monitor it tries to
 * move `next_due_at` forward with a compare-and-set, and only the one that succeeds queues the
 * check, in the same transaction (lib/monitors/store.ts `claim`). So each tick is checked once
 * however many instances run, and the schedule lives in the database, not in a process.
 */
export class Scheduler {
  constructor(
    private readonly store: MonitorStore,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Claims what is due now; answers the ticks this instance claimed. */
  async tick(): Promise<CheckJobData[]> {
    const now = this.clock.now();
    const claimed: CheckJobData[] = [];
    for (const due of await this.store.due(now, CLAIMS_PER_TICK)) {
      const next = new Date(nextTick(Date.parse(due.next_due_at), due.every_minutes, now));
      const job = { monitorId: due.id, dueAt: due.next_due_at };
      const won = await this.store.claim(due.id, due.next_due_at, next.toISOString(), (trx) =>
        this.queue.sendCheck(job, trx),
      );
      if (won) claimed.push(job);
    }
    return claimed;
  }

  /** When the next monitor is due (ms), for the timer; null when none is scheduled. */
  async nextDueAt(): Promise<number | null> {
    const next = await this.store.nextDue();
    return next ? Date.parse(next) : null;
  }
}
