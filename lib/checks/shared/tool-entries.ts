import { isRecord } from '@/lib/json/is-record';
import { ToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { blocked, notApplicable, pass, type Outcome } from '@/lib/checks/define';
import { VERIFY, listingComplete, withoutListing } from './blocked';
import type { FindingItem, Severity, Transcript } from '@/lib/report/schema';

/** Where a tool breaks the SDK's `ToolSchema`: what a client built on the SDK rejects. */
export interface ToolIssue {
  /** Dotted path inside the tool (`inputSchema.required`), empty for the tool itself. */
  path: string;
  /** The first path segment, to say which check owns the issue. */
  field: string | null;
  message: string;
}

/** One tool as received, with what every check needs to name it and point at its evidence. */
export interface ToolEntry {
  /** Position in `transcript.tools`, 0-based. */
  index: number;
  raw: unknown;
  /** The tool when it is a JSON object, null when the server sent something else. */
  fields: Record<string, unknown> | null;
  /** The name when it is a string (maybe empty). */
  name: string | null;
  /** How messages call the tool: its name, or its position when it has no usable name. */
  label: string;
  /** 1-based page of `tools/list` the tool came in, and the exchange that carried that page. */
  page: number | null;
  exchangeId: string | null;
  issues: ToolIssue[];
}

const LABEL_MAX = 80;

/** A JSON value named for a message: type and a bounded rendering (`a number (42)`). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${quote(value, 40)})`;
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}

/** A bounded, quoted rendering of a remote string for a message. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** How messages call a tool: its name (bounded), or its position when it has no usable name. */
export function toolLabel(index: number, name: string | null): string {
  if (name === null || name.trim() === '') return `tool #${index + 1}`;
  return name.length > LABEL_MAX ? `${name.slice(0, LABEL_MAX - 1)}…` : name;
}

function issuesOf(raw: unknown): ToolIssue[] {
  const parsed = ToolSchema.safeParse(raw);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const segments = issue.path.map(String);
    return {
      path: segments.join('.'),
      field: segments[0] ?? null,
      message: issue.message
        .replace(/^Invalid input: /, '')
        .replace(/^Invalid input$/, 'invalid value'),
    };
  });
}

const cache = new WeakMap<unknown[], ToolEntry[]>();

/**
 * Every tool of the listing, each validated on its own: the SDK's `ToolSchema` rejects a whole
 * `tools/list` result for one malformed tool, and one bad tool is a finding about that tool, not a
 * dead run. Tools are mapped to their page by the page counts (the probe appends pages in order).
 * Memoized per transcript, as every tools check reads it.
 */
export function toolEntries(t: Transcript): ToolEntry[] {
  const known = cache.get(t.tools);
  if (known) return known;
  const pages = t.listing?.pages ?? [];
  let page = 0;
  let pageEnd = pages[0]?.count ?? 0;
  const entries = t.tools.map((raw, index) => {
    while (index >= pageEnd && page < pages.length - 1) {
      page += 1;
      pageEnd += pages[page]?.count ?? 0;
    }
    const fields = isRecord(raw) ? raw : null;
    const name = typeof fields?.name === 'string' ? fields.name : null;
    const onPage = index < pageEnd ? pages[page] : undefined;
    return {
      index,
      raw,
      fields,
      name,
      label: toolLabel(index, name),
      page: onPage ? page + 1 : null,
      exchangeId: onPage?.exchangeId ?? null,
      issues: issuesOf(raw),
    };
  });
  cache.set(t.tools, entries);
  return entries;
}

/**
 * The tools to check, or why there are none: the per-tool checks judge whatever tools arrived (a
 * later page failing does not hide the first pages' tools' problems) and do not apply to a server
 * that lists none (`tools.nonempty` says so).
 */
export function toolsToCheck(
  t: Transcript,
): { entries: ToolEntry[] } | { outcome: Outcome<never> } {
  if (!t.listing || (t.tools.length === 0 && !listingComplete(t))) {
    return { outcome: withoutListing(t) };
  }
  if (t.tools.length === 0) return { outcome: notApplicable('skipped: the server lists no tools') };
  return { entries: toolEntries(t) };
}

/**
 * A tools check that found nothing wrong: a pass when the whole list arrived; when a later page
 * failed, the tools that did arrive were fine but the rest are unknown, which is not a pass.
 */
export function passUnlessPartial(t: Transcript, message: string): Outcome<never> {
  if (listingComplete(t)) return pass(message);
  return blocked(
    'tools.list',
    `skipped: the ${t.tools.length} tools that arrived are fine, but tools/list failed before the rest (see tools.list)`,
    VERIFY.tools,
  );
}

/** One problem of one tool, as a check found it. */
export interface ToolFinding<Code extends string = string> {
  entry: ToolEntry;
  code: Code;
  severity: Severity;
  detail: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const worstSeverity = (severities: readonly Severity[]): Severity =>
  severities.reduce<Severity>(
    (worst, s) => (SEVERITY_RANK[s] < SEVERITY_RANK[worst] ? s : worst),
    'info',
  );

/** A pass message about every tool: `one` for a single tool, "All N " + `many` for several. */
export function everyTool(count: number, one: string, many: string): string {
  return count === 1 ? one : `All ${count} ${many}`;
}

/** `search, fetch, get_page and 4 more` */
export function listLabels(labels: readonly string[], max = 5): string {
  const unique = [...new Set(labels)];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

/** Distinct exchange ids of these tools' pages, in order. */
export function evidenceOf(entries: readonly ToolEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.exchangeId ? [e.exchangeId] : [])))];
}

export const itemOf = (entry: ToolEntry, detail: string, fix?: string): FindingItem => ({
  subject: entry.label,
  detail,
  evidence: entry.exchangeId ? [entry.exchangeId] : [],
  ...(fix ? { fix } : {}),
});

/**
 * One failing outcome for many per-tool findings: the worst severity, the code of the most
 * important kind (`codes` lists them in order), one item per finding with the fix of its own kind,
 * and a message that counts the tools and names them ("2 of 7 tools have invalid input schemas:
 * search, fetch"). The outcome carries a precise fix only when it fits every finding: otherwise a
 * tool whose `minimum` is a string would be told to put `type: object` at its root.
 */
export function toolFindingsOutcome<Code extends string>(
  findings: readonly ToolFinding<Code>[],
  total: number,
  options: {
    /** In order of importance: the outcome carries the first one the worst findings have. */
    codes: readonly [Code, ...Code[]];
    /** The predicate after "N of M tools", singular and plural. */
    verb: { one: string; many: string };
    fix?: (code: Code) => string | undefined;
  },
): Outcome<Code> {
  const severity = worstSeverity(findings.map((f) => f.severity));
  const worst = findings.filter((f) => f.severity === severity);
  const code = options.codes.find((c) => worst.some((f) => f.code === c)) ?? options.codes[0];
  const entries = [...new Map(findings.map((f) => [f.entry.index, f.entry])).values()];
  const count = entries.length;
  const verb = count === 1 ? options.verb.one : options.verb.many;
  const fixOf = (c: Code) => options.fix?.(c);
  const fix = findings.every((f) => fixOf(f.code) === fixOf(code)) ? fixOf(code) : undefined;
  return {
    status: 'fail',
    code,
    severity,
    message: `${count} of ${total} tool${total === 1 ? '' : 's'} ${verb}: ${listLabels(entries.map((e) => e.label))}`,
    evidence: evidenceOf(entries),
    items: findings.map((f) => itemOf(f.entry, f.detail, fixOf(f.code))),
    ...(fix ? { fix } : {}),
  };
}

/**
 * A key for comparing JSON values regardless of object key order: two listings of one tool, or two
 * identical schemas, produce the same key.
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isRecord(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          )
        : v,
    ) ?? 'undefined'
  );
}
