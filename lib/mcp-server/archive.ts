import type { RunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import type { RunListEntry } from './schemas';

/**
 * Where the MCP tools keep their runs. Over HTTP it is the dashboard's store, the same one
 * `POST /api/runs` saves to, so a run has a permalink and shows up in the dashboard's history.
 * Over stdio it is this process's memory: the CLI has no database, and its runs end with it.
 */
export interface RunArchive {
  /** What `startRun` records the run's steps and report in. */
  readonly registry: RunRegistry;
  /** A run as saved, once its writes so far have landed. */
  load(id: string): Promise<Run | undefined>;
  /** The endpoint's runs, newest first. */
  history(url: string, limit: number): Promise<RunListEntry[]>;
  /** The run's page on the dashboard, or null when there is none. */
  permalink(id: string): string | null;
}

/** The history line of a run held whole (the store computes the same fields when it saves). */
export function listEntryOf(run: Run, permalink: string | null): RunListEntry {
  const report = run.report;
  return {
    id: run.id,
    url: run.url,
    createdAt: run.createdAt,
    state: run.state,
    status: report?.status ?? null,
    rows: report?.rows.map((r) => ({ id: r.id, status: r.status })) ?? [],
    problems: report
      ? report.checks.filter((c) => c.status === 'fail' || c.status === 'error').length
      : null,
    permalink,
  };
}
