import { isRecord } from '@/lib/json/is-record';
import { canonicalJson, toolLabel } from '@/lib/checks/shared/tool-entries';
import {
  DIFF_VALUE_MAX,
  TOOL_FIELDS,
  type CheckChange,
  type CheckVerdict,
  type RunDiff,
  type RunSnapshot,
  type ToolDiff,
  type ToolFieldChange,
} from './diff-schema';
import type { Report } from './schema';

export * from './diff-schema';

/**
 * What changed between two runs of one endpoint: the tools (what ChatGPT caches when a connector
 * is added, and keeps until "Refresh") and the checks' verdicts. Pure: callers pass what the store
 * kept of each run.
 */

function render(value: unknown): string | null {
  if (value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return text.length > DIFF_VALUE_MAX ? `${text.slice(0, DIFF_VALUE_MAX - 1)}…` : text;
}

/** Tools keyed by name (position when the name is unusable); the first of duplicates wins. */
function keyed(tools: readonly unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  tools.forEach((tool, index) => {
    const name = toolLabel(
      index,
      isRecord(tool) && typeof tool.name === 'string' ? tool.name : null,
    );
    if (!map.has(name)) map.set(name, tool);
  });
  return map;
}

const KNOWN = new Set<string>(['name', ...TOOL_FIELDS]);
const rest = (tool: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(tool).filter(([key]) => !KNOWN.has(key)));

function fieldChanges(before: unknown, after: unknown): ToolFieldChange[] {
  if (!isRecord(before) || !isRecord(after)) {
    return [{ field: 'other fields', before: render(before), after: render(after) }];
  }
  const changes: ToolFieldChange[] = TOOL_FIELDS.filter(
    (field) => canonicalJson(before[field]) !== canonicalJson(after[field]),
  ).map((field) => ({ field, before: render(before[field]), after: render(after[field]) }));
  const [restBefore, restAfter] = [rest(before), rest(after)];
  if (canonicalJson(restBefore) !== canonicalJson(restAfter)) {
    changes.push({ field: 'other fields', before: render(restBefore), after: render(restAfter) });
  }
  return changes;
}

/** Tools added, removed and changed from one listing to the next; key order never counts. */
export function diffTools(before: readonly unknown[], after: readonly unknown[]): ToolDiff {
  const old = keyed(before);
  const now = keyed(after);
  const diff: ToolDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [name, tool] of now) {
    if (!old.has(name)) diff.added.push(name);
    else if (canonicalJson(old.get(name)) === canonicalJson(tool)) diff.unchanged += 1;
    else diff.changed.push({ name, fields: fieldChanges(old.get(name), tool) });
  }
  for (const name of old.keys()) if (!now.has(name)) diff.removed.push(name);
  return diff;
}

export const toolDiffIsEmpty = (diff: ToolDiff): boolean =>
  diff.added.length + diff.removed.length + diff.changed.length === 0;

// A failure's weight is part of its verdict: a warning that became an error has changed.
const verdictKey = (c: Pick<CheckVerdict, 'status' | 'severity'>) =>
  c.status === 'fail' ? `fail:${c.severity}` : c.status;

/** Checks whose verdict differs, in the order of the later run (then checks it no longer has). */
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
    if (!was || verdictKey(was) !== verdictKey(check)) {
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

/** A listing that completed: every page answered and nothing stopped it early. */
export function completeToolList(report: Pick<Report, 'listing' | 'tools'>): unknown[] | null {
  const listing = report.listing;
  if (!listing || listing.stoppedEarly || listing.pages.length === 0) return null;
  if (listing.pages.some((page) => page.error)) return null;
  return report.tools;
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

export function diffRuns(before: RunSnapshot, after: RunSnapshot): RunDiff {
  const side = (s: RunSnapshot) => ({ runId: s.runId, startedAt: s.startedAt, status: s.status });
  return {
    from: side(before),
    to: side(after),
    tools: before.tools && after.tools ? diffTools(before.tools, after.tools) : null,
    checks: diffChecks(before.checks, after.checks),
  };
}

export const runDiffIsEmpty = (diff: RunDiff): boolean =>
  (!diff.tools || toolDiffIsEmpty(diff.tools)) && diff.checks.length === 0;
