import vm from 'node:vm';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { DIALECTS, type Dialect, type DialectName } from '@/lib/checks/shared/tool-schema';
import { isRecord } from '@/lib/json/is-record';
import { MAX_OUTPUT_ERRORS, type OutputCheck } from '@/lib/report/schema-calls';

/** Larger output schemas are not compiled: compiling generates code in proportion to the schema. */
export const MAX_OUTPUT_SCHEMA_CHARS = 64 * 1024;
/** Compiling and validating stop past this, however the schema and the result make them slow. */
export const OUTPUT_CHECK_DEADLINE_MS = 1_000;

const TEXT_MAX = 300;
const bounded = (text: string) =>
  text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;

/**
 * Runs `run` under V8's execution timeout. node:vm's `timeout` terminates whatever JavaScript runs
 * during the call, this realm's included, so it stops what no check inside Ajv could: one test of
 * a catastrophic pattern, `uniqueItems` comparing a long array of objects pair by pair, `$ref`
 * recursion through `anyOf` (https://nodejs.org/api/vm.html#scriptrunincontextcontextifiedobject-options).
 */
const deadlineScript = new vm.Script('run()');
let deadlineContext: vm.Context | undefined;
function withinDeadline<T>(run: () => T): T {
  deadlineContext ??= vm.createContext({});
  deadlineContext.run = run;
  try {
    return deadlineScript.runInContext(deadlineContext, {
      timeout: OUTPUT_CHECK_DEADLINE_MS,
    }) as T;
  } finally {
    deadlineContext.run = undefined;
  }
}

const timedOut = (error: unknown) =>
  isRecord(error) && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

type AnyAjv = ReturnType<Dialect['create']>;
const instances = new Map<DialectName, AnyAjv>();

/** One Ajv per dialect, with the same remote-schema options as the tools checks, reporting all errors. */
function ajvFor(dialect: Dialect): AnyAjv {
  let ajv = instances.get(dialect.name);
  if (!ajv) {
    ajv = dialect.create({}, { allErrors: true });
    instances.set(dialect.name, ajv);
  }
  return ajv;
}

function errorOf(error: ErrorObject) {
  const extra =
    error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string'
      ? ` (${error.params.additionalProperty})`
      : '';
  return {
    instancePath: bounded(error.instancePath),
    message: bounded(`${error.message ?? error.keyword}${extra}`),
  };
}

const verdict = (
  v: OutputCheck['verdict'],
  message: string,
  errors: ErrorObject[] = [],
): OutputCheck => ({
  verdict: v,
  message,
  errors: errors.slice(0, MAX_OUTPUT_ERRORS).map(errorOf),
  moreErrors: Math.max(0, errors.length - MAX_OUTPUT_ERRORS),
});

/**
 * A tool result's `structuredContent` against the tool's `outputSchema`. Never throws: a schema
 * that is too large, in an unknown dialect, does not compile (an unresolvable `$ref`, a pattern
 * that is not a regular expression) or takes too long is `not-checked`, with the reason. Null when
 * there is no result (the call failed).
 */
export function checkOutput(outputSchema: unknown, result: unknown): OutputCheck | null {
  if (!isRecord(result)) return null;
  if (result.isError === true)
    return verdict(
      'not-checked',
      'The tool answered isError: true; an error result is not checked against the outputSchema.',
    );
  const structured = result.structuredContent;
  if (outputSchema === undefined)
    return verdict(
      'no-output-schema',
      structured === undefined
        ? 'The tool declares no outputSchema and returned no structuredContent.'
        : 'The tool declares no outputSchema, so its structuredContent is not checked.',
    );
  if (structured === undefined)
    return verdict(
      'missing-structured-content',
      'The tool declares an outputSchema but returned no structuredContent; since MCP 2025-06-18 it must return structuredContent that conforms to it.',
    );
  if (!isRecord(outputSchema))
    return verdict('not-checked', 'The outputSchema is not a JSON Schema object.');
  let size: number;
  try {
    size = JSON.stringify(outputSchema).length;
  } catch {
    return verdict('not-checked', 'The outputSchema cannot be serialised.');
  }
  if (size > MAX_OUTPUT_SCHEMA_CHARS)
    return verdict(
      'not-checked',
      `The outputSchema is ${size} characters; MCP Doctor checks output against schemas of at most ${MAX_OUTPUT_SCHEMA_CHARS}.`,
    );
  const declared = outputSchema.$schema;
  const dialect =
    declared === undefined
      ? DIALECTS[0]
      : DIALECTS.find((d) => typeof declared === 'string' && d.pattern.test(declared));
  if (!dialect)
    return verdict(
      'not-checked',
      `The outputSchema's $schema (${bounded(String(declared))}) is not a dialect MCP Doctor checks (2020-12, 2019-09, draft-07).`,
    );

  const ajv = ajvFor(dialect);
  const schema: Record<string, unknown> = { ...outputSchema };
  delete schema.$schema;
  const refsBefore = new Set(Object.keys(ajv.refs));
  let stopped = false;
  try {
    const [valid, errors] = withinDeadline(() => {
      const validate: ValidateFunction = ajv.compile(schema);
      return [validate(structured), validate.errors ?? []] as const;
    });
    if (valid) return verdict('valid', 'structuredContent conforms to the outputSchema.');
    return verdict(
      'invalid',
      `structuredContent does not conform to the outputSchema (${errors.length} error${errors.length === 1 ? '' : 's'}).`,
      errors,
    );
  } catch (error) {
    stopped = timedOut(error);
    return verdict(
      'not-checked',
      stopped
        ? `Checking structuredContent took longer than ${OUTPUT_CHECK_DEADLINE_MS} ms and was stopped: the outputSchema makes it slow for this result (a pattern that backtracks, uniqueItems over a long array of objects, or recursion through anyOf).`
        : `The outputSchema could not be compiled: ${bounded(error instanceof Error ? error.message : String(error))}`,
    );
  } finally {
    if (stopped) {
      // Stopped halfway through, this Ajv may hold a part-compiled schema: the next check starts afresh.
      instances.delete(dialect.name);
    } else {
      // One tool's `$id`s never meet another's.
      try {
        ajv.removeSchema(schema);
      } catch {
        // Nothing was added.
      }
      for (const ref of Object.keys(ajv.refs)) if (!refsBefore.has(ref)) delete ajv.refs[ref];
    }
  }
}
