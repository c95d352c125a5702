import type { PreviousTools } from '@/lib/report/schema';
import type { RunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import type { StoredRun } from './schema';
import type { Store } from './store';

type Patch = Parameters<RunRegistry['update']>[1];

/**
 * The run registry backed by the store. Runs this process is working on stay in memory, where the
 * synchronous interface (progress callbacks, widget calls) reads and writes them; every change is
 * also saved, in order, so another instance polling the database sees each step. Reads for pages
 * and the API (`load`) go to the database.
 */
export class PersistentRunRegistry implements RunRegistry {
  private readonly writes = new Map<string, Promise<void>>();

  /** `memory` holds the runs in progress (a `MemoryRunRegistry`, bounded). */
  constructor(
    private readonly store: () => Promise<Store>,
    private readonly memory: RunRegistry,
  ) {}

  create(fields: Omit<Run, 'state' | 'steps'>): Run {
    return this.persist(this.memory.create(fields));
  }

  get(id: string): Run | undefined {
    return this.memory.get(id);
  }

  update(id: string, patch: Patch): Run | undefined {
    const run = this.memory.update(id, patch);
    return run ? this.persist(run) : undefined;
  }

  /** Resolves when every change made so far to this run is saved. */
  settled(id: string): Promise<void> {
    return this.writes.get(id) ?? Promise.resolve();
  }

  previousTools(
    url: string,
    before: { id: string; startedAt: string },
  ): Promise<PreviousTools | null> {
    return this.store().then((store) => store.previousTools(url, before));
  }

  /**
   * A run as saved, from any instance. A finished run read here is also kept in memory, so the
   * synchronous readers (widget calls on its page) find it after a restart.
   */
  async load(id: string): Promise<StoredRun | undefined> {
    await this.settled(id);
    const run = await (await this.store()).getRun(id);
    if (run && run.state !== 'running' && !this.memory.get(id)) {
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
        if (run.state !== 'running') await store.pruneIfDue();
      })
      .catch((error: unknown) => {
        // The run goes on in memory; a page polling another instance sees it stop advancing.
        console.error(`could not save run ${run.id}:`, error);
      });
    this.writes.set(run.id, write);
    void write.then(() => {
      if (this.writes.get(run.id) === write) this.writes.delete(run.id);
    });
    return run;
  }
}
