import type { PreviousTools } from '@/lib/report/schema';
import type { Run } from './schema';

/** Enough for a team's recent history; a later store keeps runs for good. */
export const MAX_RUNS = 200;

type RunPatch = Partial<Pick<Run, 'state' | 'steps' | 'report' | 'error'>>;

/**
 * Runs kept in memory, least recently used dropped first. The interface stays this small so a
 * database-backed store can replace it without touching the routes.
 */
export interface RunRegistry {
  create(run: Omit<Run, 'state' | 'steps'>): Run;
  get(id: string): Run | undefined;
  /** Applies a patch to a run still held; a run evicted meanwhile is gone and stays gone. */
  update(id: string, patch: RunPatch | ((run: Run) => RunPatch)): Run | undefined;
  /** Resolves when the run's changes so far are saved (a registry backed by a store). */
  settled?(id: string): Promise<void>;
  /**
   * Resolves when the run's changes so far are saved, and rejects (a StoreError) when the last of
   * them could not be: what a route awaits before it acknowledges a run.
   */
  durable?(id: string): Promise<void>;
  /** The last earlier tool list of the same endpoint, for `tools.drift` (a registry with history). */
  previousTools?(
    url: string,
    before: { id: string; startedAt: string },
  ): Promise<PreviousTools | null>;
}

export class MemoryRunRegistry implements RunRegistry {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly runs = new Map<string, Run>();

  constructor(private readonly capacity = MAX_RUNS) {}

  create(fields: Omit<Run, 'state' | 'steps'>): Run {
    const run: Run = { ...fields, state: 'running', steps: [] };
    this.runs.set(run.id, run);
    while (this.runs.size > this.capacity) {
      const oldest = this.runs.keys().next().value;
      if (oldest === undefined) break;
      this.runs.delete(oldest);
    }
    return run;
  }

  get(id: string): Run | undefined {
    const run = this.runs.get(id);
    if (run) this.touch(run);
    return run;
  }

  update(id: string, patch: RunPatch | ((run: Run) => RunPatch)): Run | undefined {
    const current = this.runs.get(id);
    if (!current) return undefined;
    const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
    this.touch(next);
    return next;
  }

  private touch(run: Run): void {
    this.runs.delete(run.id);
    this.runs.set(run.id, run);
  }
}
