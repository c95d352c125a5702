import { completeToolList, diffTools, toolDiffIsEmpty } from '@/lib/checks/shared/tool-diff';
import {
  type CheckChange,
  type CheckVerdict,
  type RowChange,
  type RunDiff,
  type RunSnapshot,
} from '@/lib/report/diff-schema';
import type { Report } from '@/lib/report/schema';

export * from '@/lib/report/diff-schema';

/**
 * What changed between two runs of one endpoint: the tools (what ChatGPT caches when a connector
 * is added, and keeps until "Refresh") and the checks' verdicts. Pure: callers pass what the store
 * kept of each run.
 */

// A failure's weight is part of its verdict: a warning that became an error has changed.
const verdictKey = (c: Pick<CheckVerdict, 'status' | 'severity'>) =>
  c.status === 'fail' ? `fail:${c.severity}` : c.status;

/**
 * A check that could not run before and passes now says nothing new: the cause that blocked it is
 * the change, and that cause's own check shows it.
 */
const isNoise = (was: CheckVerdict, now: CheckVerdict) =>
  was.status === 'skipped' && now.status === 'pass';

/**
 * Checks whose verdict differs, in the order of the later run (then checks it no longer has),
 * without `skipped → pass` noise.
 */
export function diffChecks(
  before: readonly CheckVerdict[],
  after: readonly CheckVerdict[],
): CheckChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const ids = new Set(after.map((c) => c.id));
  const verdict = (c: CheckVerdict) => ({ status: c.status, severity: c.severity });
  const changes: CheckChange[] = [];
  for (const check of after) {
    const was = old.get(check.id);
    if (!was || (verdictKey(was) !== verdictKey(check) && !isNoise(was, check))) {
      changes.push({
        id: check.id,
        title: check.title,
        before: was ? verdict(was) : null,
        after: verdict(check),
      });
    }
  }
  for (const was of before) {
    if (!ids.has(was.id))
      changes.push({ id: was.id, title: was.title, before: verdict(was), after: null });
  }
  return changes;
}

export function snapshotOf(runId: string, report: Report): RunSnapshot {
  return {
    runId,
    startedAt: report.startedAt,
    status: report.status,
    rows: report.rows.map((row) => ({ id: row.id, status: row.status })),
    tools: completeToolList(report),
    checks: report.checks.map(({ id, title, status, severity }) => ({
      id,
      title,
      status,
      severity,
    })),
  };
}

/**
 * Rows whose status differs, in the later run's order. A row that was skipped and passes now is a
 * change (broken → fixed: tools listed after sign-in), unlike a check's `skipped → pass`: the row
 * is what the person compares, and no other line of the diff would say it.
 */
export function diffRows(before: RunSnapshot['rows'], after: RunSnapshot['rows']): RowChange[] {
  const old = new Map(before.map((row) => [row.id, row.status]));
  return after.flatMap((row) => {
    const was = old.get(row.id);
    return was && was !== row.status ? [{ id: row.id, before: was, after: row.status }] : [];
  });
}

export function diffRuns(before: RunSnapshot, after: RunSnapshot): RunDiff {
  const side = (s: RunSnapshot) => ({ runId: s.runId, startedAt: s.startedAt, status: s.status });
  return {
    from: side(before),
    to: side(after),
    rows: diffRows(before.rows, after.rows),
    tools: before.tools && after.tools ? diffTools(before.tools, after.tools) : null,
    checks: diffChecks(before.checks, after.checks),
  };
}

export const runDiffIsEmpty = (diff: RunDiff): boolean =>
  diff.rows.length === 0 &&
  (!diff.tools || toolDiffIsEmpty(diff.tools)) &&
  diff.checks.length === 0;
