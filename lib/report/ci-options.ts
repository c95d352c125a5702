import { z } from 'zod';
import { defineCheck, pass, runCheck, skip, type CheckDefinition } from '@/lib/checks/define';
import { LIMITS } from '@/lib/probe/limits';
import { formatIssues } from '@/lib/probe/target';
import { toJUnit } from './junit';
import type { Area, Report, Row, Transcript } from './schema';
import { AREAS, orderChecks, overallStatus, summarizeRow } from './summarize';
import { textSummary } from './text-summary';

/** `repeat` re-opens a session per sample; 20 keeps a CI job's extra load on a server small. */
export const MAX_REPEAT = 20;

/** Areas `skip` may leave out. Every other row depends on the connection, so it is never skipped. */
export const SKIPPABLE_AREAS = ['tools', 'widgets', 'auth'] as const satisfies readonly Area[];

export const SKIPPED_ON_REQUEST = 'skipped on request';

export const OUTPUT_FORMATS = ['json', 'junit', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `strict=1` in a query string, `"strict": true` in JSON, `--strict` on a command line. */
const FlagSchema = z.union(
  [
    z.boolean(),
    z.enum(['1', 'true', '']).transform(() => true),
    z.enum(['0', 'false']).transform(() => false),
  ],
  { error: 'must be 1, 0, true or false' },
);

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

/** `a,b` in a query string or on a command line, `["a", "b"]` in JSON; blanks dropped. */
const listOf = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .union([z.string(), z.array(z.string())], { error: 'must be a comma-separated list' })
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).max(100, 'at most 100 entries'));

/** Tool names as the MCP spec bounds them (2025-11-25: 1 to 128 characters). */
const ToolNameSchema = z.string().max(128, 'a tool name is at most 128 characters');

const SkipAreaSchema = z.enum(SKIPPABLE_AREAS, {
  error: (issue) =>
    issue.input === 'connection'
      ? 'connection cannot be skipped: every other check depends on it'
      : `"${String(issue.input).slice(0, 40)}" is not an area that can be skipped (${SKIPPABLE_AREAS.join(', ')})`,
});

/**
 * The health-check options shared by `/api/check` and the CLI. Unknown keys are errors, not
 * silently ignored: a CI job with a typo in an option name must not pass by accident.
 */
export const CiOptionsSchema = z
  .strictObject({
    strict: FlagSchema.optional(),
    timeoutMs: integer('timeoutMs', LIMITS.minRunTimeoutMs, LIMITS.maxRunTimeoutMs).optional(),
    expectTools: listOf(ToolNameSchema).optional(),
    minTools: integer('minTools', 1, LIMITS.maxTools).optional(),
    skip: listOf(SkipAreaSchema).optional(),
    format: z
      .enum(OUTPUT_FORMATS, { error: `must be one of ${OUTPUT_FORMATS.join(', ')}` })
      .optional(),
    repeat: integer('repeat', 1, MAX_REPEAT).optional(),
  })
  .superRefine((options, ctx) => {
    const toolChecks = options.expectTools?.length || options.minTools !== undefined;
    if (toolChecks && options.skip?.includes('tools')) {
      ctx.addIssue({
        code: 'custom',
        message: 'expectTools and minTools check the tools area, which skip leaves out',
      });
    }
  });
export type CiOptionsInput = z.input<typeof CiOptionsSchema>;

export interface CiOptions {
  strict: boolean;
  timeoutMs?: number;
  expectTools: string[];
  minTools?: number;
  skip: Area[];
  format?: OutputFormat;
  /** Latency samples to take after the diagnosis; none when absent. */
  repeat?: number;
}

export const CI_OPTION_NAMES = Object.keys(CiOptionsSchema.shape) as (keyof CiOptionsInput)[];

/** Parses untrusted options, or says in one line what is wrong (an HTTP 400, or exit code 2). */
export function parseCiOptions(
  input: unknown,
): { ok: true; options: CiOptions } | { ok: false; message: string } {
  const parsed = CiOptionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: formatOptionIssues(parsed.error) };
  const { strict, timeoutMs, expectTools, minTools, skip, format, repeat } = parsed.data;
  return {
    ok: true,
    options: {
      strict: strict ?? false,
      expectTools: [...new Set(expectTools)],
      skip: [...new Set(skip)],
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(minTools === undefined ? {} : { minTools }),
      ...(format === undefined ? {} : { format }),
      ...(repeat === undefined ? {} : { repeat }),
    },
  };
}

function formatOptionIssues(error: z.ZodError): string {
  const unknown = error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    const names = unknown.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ');
    return `unknown option ${names} (known: ${CI_OPTION_NAMES.join(', ')})`;
  }
  return formatIssues(error);
}

const TOOLS_LISTING_DOCS =
  'https://modelcontextprotocol.io/specification/2025-06-18/server/tools#listing-tools';

function listedToolNames(transcript: Transcript): string[] {
  return transcript.tools.flatMap((tool) => {
    const name = (tool as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

const listingIncomplete = (t: Transcript) => !t.listing || t.listing.pages.some((p) => p.error);

function listingEvidence(t: Transcript): string[] {
  return t.listing?.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])) ?? [];
}

/** The CI job's own expectations, judged like every other check so they read the same everywhere. */
function expectationChecks(options: CiOptions): CheckDefinition[] {
  const checks: CheckDefinition[] = [];
  if (options.expectTools.length > 0) {
    const expected = options.expectTools;
    checks.push(
      defineCheck({
        id: 'tools.expected',
        area: 'tools',
        severity: 'error',
        title: 'Every expected tool is listed',
        failureTitle: 'An expected tool is missing',
        fix: 'Register the missing tools on the server (or update the expected list if they were renamed on purpose), then refresh the connector in ChatGPT.',
        docs: TOOLS_LISTING_DOCS,
        run(t) {
          if (listingIncomplete(t)) return skip('skipped: tools/list did not complete');
          const listed = new Set(listedToolNames(t));
          const missing = expected.filter((name) => !listed.has(name));
          if (missing.length === 0) {
            return pass(
              `All ${expected.length} expected tool${expected.length === 1 ? ' is' : 's are'} listed.`,
            );
          }
          return {
            status: 'fail',
            code: 'missing-tool',
            message: `${missing.length} expected tool${missing.length === 1 ? ' is' : 's are'} not listed: ${missing.join(', ')}.`,
            evidence: listingEvidence(t),
            items: missing.map((name) => ({
              subject: name,
              detail: 'not in the tools/list result',
            })),
          };
        },
      }),
    );
  }
  if (options.minTools !== undefined) {
    const min = options.minTools;
    checks.push(
      defineCheck({
        id: 'tools.min-count',
        area: 'tools',
        severity: 'error',
        title: `At least ${min} tool${min === 1 ? ' is' : 's are'} listed`,
        failureTitle: `Fewer than ${min} tool${min === 1 ? ' is' : 's are'} listed`,
        fix: 'Some tools are not registered: check the server’s startup (a failed import or a feature flag often drops tools), then refresh the connector in ChatGPT.',
        docs: TOOLS_LISTING_DOCS,
        run(t) {
          if (listingIncomplete(t)) return skip('skipped: tools/list did not complete');
          if (t.tools.length >= min)
            return pass(`${t.tools.length} tools listed (at least ${min} expected).`);
          return {
            status: 'fail',
            code: 'too-few-tools',
            message: `${t.tools.length} tool${t.tools.length === 1 ? '' : 's'} listed; at least ${min} expected.`,
            evidence: listingEvidence(t),
          };
        },
      }),
    );
  }
  return checks;
}

/**
 * The report as the CI job asked to see it: its expectations added as checks, the areas it skipped
 * left out, rows and overall status judged again. Pure: the same report and options give the same
 * result, and the input report is not changed.
 */
export function applyCiOptions<R extends Report>(report: R, options: CiOptions): R {
  const skipped = new Set<Area>(options.skip);
  const added = expectationChecks(options).map((check) => runCheck(check, report));
  const checks = orderChecks([
    ...report.checks.filter((c) => !skipped.has(c.area) && !added.some((a) => a.id === c.id)),
    ...added,
  ]);
  const rows: Row[] = AREAS.map((area) => {
    if (!skipped.has(area)) return summarizeRow(area, checks, report);
    const title =
      report.rows.find((r) => r.id === area)?.title ?? summarizeRow(area, [], report).title;
    return { id: area, title, status: 'skipped', summary: SKIPPED_ON_REQUEST, fix: null };
  });
  return { ...report, checks, rows, status: overallStatus(rows) };
}

const CONTENT_TYPES: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/** The report in the format a CI job asked for, with the media type to answer it with. */
export function renderReport(
  report: Report,
  format: OutputFormat,
  options: { strict: boolean; color?: boolean },
): { body: string; contentType: string } {
  const body =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'junit'
        ? toJUnit(report)
        : textSummary(report, { strict: options.strict, color: options.color ?? false });
  return { body, contentType: CONTENT_TYPES[format] };
}
