import type { PreviousTools } from '@/lib/report/schema';
import type { RunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import { toStoreError, type StoreError } from './errors';
import type { StoredRun } from './schema';
import type { Store } from './store';

type Patch = Parameters<RunRegistry['update']>[1];

/**
 * The run registry backed by the store. Runs this process is working on stay in memory, where the
 * synchronous interface (progress callbacks, widget calls) reads and writes them; every change is
 * also saved, in order, so another instance polling the database sees each step. Reads for pages
 * and the API (`load`) go to the database. While a run is in progress its lease is renewed, so
 * only a run whose process is gone is ever marked interrupted.
 */
export class PersistentRunRegistry implements RunRegistry {
  private readonly writes = new Map<string, Promise<void>>();
  /** The error of the last write of a run, when it failed (cleared by the next one that works). */
  private readonly failures = new Map<string, StoreError>();
  /** Runs in progress in this process, whose leases the heartbeat renews. */
  private readonly active = new Set<string>();
  private heartbeat: NodeJS.Timeout | null = null;

  /** `memory` holds the runs in progress (a `MemoryRunRegistry`, bounded). */
  constructor(
    private readonly store: () => Promise<Store>,
    private readonly memory: RunRegistry,
  ) {}

  create(fields: Omit<Run, 'state' | 'steps'>): Run {
    const run = this.memory.create(fields);
    this.active.add(run.id);
    void this.beat();
    return this.persist(run);
  }

  get(id: string): Run | undefined {
    return this.memory.get(id);
  }

  update(id: string, patch: Patch): Run | undefined {
    const run = this.memory.update(id, patch);
    if (run && run.state !== 'running') this.active.delete(id);
    return run ? this.persist(run) : undefined;
  }

  /** Resolves when every change made so far to this run is saved (or has failed, and was logged). */
  settled(id: string): Promise<void> {
    return this.writes.get(id) ?? Promise.resolve();
  }

  async durable(id: string): Promise<void> {
    await this.settled(id);
    const failure = this.failures.get(id);
    if (failure) throw failure;
  }

  previousTools(
    url: string,
    before: { id: string; startedAt: string },
  ): Promise<PreviousTools | null> {
    return this.store().then((store) => store.previousTools(url, before));
  }

  /**
   * A run as saved, from any instance. With `keep`, a finished run read here is also kept in
   * memory, for the synchronous readers of the widget routes after a restart; pages and the API
   * do not keep what they read (a 5,000-tool report is tens of megabytes).
   */
  async load(id: string, { keep = false } = {}): Promise<StoredRun | undefined> {
    await this.settled(id);
    const run = await (await this.store()).getRun(id);
    if (keep && run && run.state !== 'running' && !this.memory.get(id)) {
      const { state, steps, report, error, ...fields } = run;
      this.memory.create(fields);
      this.memory.update(id, { state, steps, report, error });
    }
    return run;
  }

  private persist(run: Run): Run {
    const previous = this.writes.get(run.id) ?? Promise.resolve();
    const write = previous
      .then(async () => {
        const store = await this.store();
        await store.saveRun(run);
        this.failures.delete(run.id);
        if (run.state !== 'running') await store.pruneIfDue();
      })
      .catch((error: unknown) => {
        // The run goes on in memory; the route that started it answers with this error, and a
        // later step's save may still succeed. One line: the cause chain can be a whole client.
        const failure = toStoreError(error, `save run ${run.id}`);
        this.failures.set(run.id, failure);
        console.error(`store: ${failure.message}`);
      });
    this.writes.set(run.id, write);
    void write.then(() => {
      if (this.writes.get(run.id) !== write) return;
      this.writes.delete(run.id);
      if (!this.active.has(run.id)) this.failures.delete(run.id);
    });
    return run;
  }

  /**
   * Every third of a lease: renew the leases of the runs in progress here, and mark interrupted
   * the runs of instances that are gone. The timer does not keep the process alive.
   */
  private async beat(): Promise<void> {
    if (this.heartbeat) return;
    const store = await this.store().catch(() => null);
    if (!store || this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      void (async () => {
        if (this.active.size > 0) await store.renewLeases([...this.active]);
        await store.interruptStale();
      })().catch((error: unknown) => {
        console.error(`store: ${toStoreError(error, 'renew run leases').message}`);
      });
    }, store.config.leaseMs / 3);
    this.heartbeat.unref();
  }
}
