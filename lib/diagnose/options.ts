import { z } from 'zod';
import { ClientIdSchema, type ClientId } from '@/lib/clients';
import { SKIPPABLE_AREAS, type SkippableArea } from '@/lib/report/areas';
import { FORMAT_IDS, type FormatId } from '@/lib/report/formats';
import type { RunRequest } from '@/lib/report/schema';
import { LIMITS } from '@/lib/probe/limits';
import { formatIssues } from '@/lib/probe/target';

/** `repeat` re-opens a session per sample; 20 keeps a CI job's extra load on a server small. */
export const MAX_REPEAT = 20;

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
    format: z.enum(FORMAT_IDS, { error: `must be one of ${FORMAT_IDS.join(', ')}` }).optional(),
    repeat: integer('repeat', 1, MAX_REPEAT).optional(),
    client: listOf(ClientIdSchema).optional(),
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
  skip: SkippableArea[];
  format?: FormatId;
  /** Latency samples to take after the diagnosis; none when absent. */
  repeat?: number;
  /** The clients whose verdicts decide `healthy`; ChatGPT's table decides when absent. */
  client?: ClientId[];
}

export const CI_OPTION_NAMES = Object.keys(CiOptionsSchema.shape) as (keyof CiOptionsInput)[];

/** Parses untrusted options, or says in one line what is wrong (an HTTP 400, or exit code 2). */
export function parseCiOptions(
  input: unknown,
): { ok: true; options: CiOptions } | { ok: false; message: string } {
  const parsed = CiOptionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: formatOptionIssues(parsed.error) };
  const { strict, timeoutMs, expectTools, minTools, skip, format, repeat, client } = parsed.data;
  return {
    ok: true,
    options: {
      strict: strict ?? false,
      expectTools: [...new Set(expectTools)],
      skip: withDependents(skip ?? []),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(minTools === undefined ? {} : { minTools }),
      ...(format === undefined ? {} : { format }),
      ...(repeat === undefined ? {} : { repeat }),
      ...(client?.length ? { client: [...new Set(client)] } : {}),
    },
  };
}

function formatOptionIssues(error: z.ZodError): string {
  const unknown = error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    const names = unknown.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ');
    return `unknown option ${names} (known: ${CI_OPTION_NAMES.join(', ')})`;
  }
  // "client: …", not "client.1: …": the message names the entry already.
  const issues = error.issues.map((i) => ({
    ...i,
    path: i.path.filter((p) => typeof p !== 'number'),
  }));
  return formatIssues(new z.ZodError(issues));
}

/**
 * Widgets are declared in the tool list: leaving tools out leaves nothing to find widgets in, so
 * skipping tools skips widgets too (and says so, rather than calling the Widget row unverified).
 */
function withDependents(skip: readonly SkippableArea[]): SkippableArea[] {
  const out = new Set(skip);
  if (out.has('tools')) out.add('widgets');
  return SKIPPABLE_AREAS.filter((area) => out.has(area));
}

/** What the run is asked to judge, as the transcript keeps it. */
export const requestOf = (options: CiOptions): RunRequest => ({
  skip: options.skip,
  expectTools: options.expectTools,
  minTools: options.minTools ?? null,
  strict: options.strict,
  ...(options.client?.length ? { client: options.client } : {}),
});
