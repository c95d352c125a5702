import { isRecord } from '@/lib/json/is-record';
import {
  DIFF_VALUE_MAX,
  TOOL_FIELDS,
  type ToolDiff,
  type ToolFieldChange,
} from '@/lib/report/diff-schema';
import type { Report } from '@/lib/report/schema';
import { canonicalJson, toolLabel } from './tool-entries';

/**
 * Two tool lists compared by name, key order never counting: what changed since the last run
 * (tools.drift, the run diff) or between two calls in one run (tools.list-changed).
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

/** The names tools are compared by, in listing order (a position for a tool without a usable name). */
export const toolKeys = (tools: readonly unknown[]): string[] => [...keyed(tools).keys()];

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

/** A listing that completed: every page answered and nothing stopped it early. */
export function completeToolList(report: Pick<Report, 'listing' | 'tools'>): unknown[] | null {
  const listing = report.listing;
  if (!listing || listing.stoppedEarly || listing.pages.length === 0) return null;
  if (listing.pages.some((page) => page.error)) return null;
  return report.tools;
}
