import { endpointOf } from '@/lib/store/endpoint';
import type { PreviousTools } from '@/lib/report/schema';
import type { RunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import { listEntryOf, type RunArchive } from './archive';
import type { RunListEntry } from './schemas';

/** Runs one stdio session keeps: a working day of fix-and-re-run, bounded. */
export const MAX_LOCAL_RUNS = 100;

type Patch = Parameters<RunRegistry['update']>[1];

/**
 * The stdio server's runs, in this process's memory, oldest dropped first. It is its own small
 * registry rather than lib/runs' MemoryRunRegistry because it also lists runs by endpoint and
 * hands `tools.drift` the previous run's tools, and because lib/runs/registry.ts opens the store,
 * which the CLI bundle cannot carry (native SQLite bindings).
 */
export class MemoryArchive implements RunArchive, RunRegistry {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly capacity = MAX_LOCAL_RUNS) {}

  get registry(): RunRegistry {
    return this;
  }

  create(fields: Omit<Run, 'state' | 'steps'>): Run {
    const run: Run = { ...fields, state: 'running', steps: [] };
    this.runs.set(run.id, run);
    for (const id of this.runs.keys()) {
      if (this.runs.size <= this.capacity) break;
      this.runs.delete(id);
    }
    return run;
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  update(id: string, patch: Patch): Run | undefined {
    const current = this.runs.get(id);
    if (!current) return undefined;
    const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
    this.runs.set(id, next);
    return next;
  }

  async previousTools(
    url: string,
    before: { id: string; startedAt: string },
  ): Promise<PreviousTools | null> {
    const earlier = this.newestFirst(url).find(
      (run) =>
        run.id !== before.id && run.report?.listing && run.report.startedAt < before.startedAt,
    );
    if (!earlier?.report) return null;
    return { runId: earlier.id, startedAt: earlier.report.startedAt, tools: earlier.report.tools };
  }

  async load(id: string): Promise<Run | undefined> {
    return this.runs.get(id);
  }

  async history(url: string, limit: number): Promise<RunListEntry[]> {
    return this.newestFirst(url)
      .slice(0, limit)
      .map((run) => listEntryOf(run, null));
  }

  permalink(): null {
    return null;
  }

  private newestFirst(url: string): Run[] {
    const endpoint = endpointOf(url);
    return [...this.runs.values()].filter((run) => endpointOf(run.url) === endpoint).reverse();
  }
}
