import { isRecord } from '@/lib/json/is-record';
import Ajv, { type CodeOptions, type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import type { Severity, Transcript } from '@/lib/report/schema';
import {
  canonicalJson,
  describeValue,
  worstSeverity,
  type ToolEntry,
  type ToolFinding,
} from './tool-entries';
import { PRECOMPILED_META } from './meta-validators';

export type SchemaField = 'inputSchema' | 'outputSchema';

/** One thing wrong with a tool's input or output schema. */
/** Order of importance of the codes, for the result's code. */
export const SCHEMA_CODES = [
  'missing-schema',
  'schema-not-object',
  'root-not-object-type',
  'invalid-json-schema',
  'sdk-rejects-schema',
  'unsupported-dialect',
] as const;
export type SchemaCode = (typeof SCHEMA_CODES)[number];

export interface SchemaProblem {
  code: SchemaCode;
  severity: Severity;
  detail: string;
}

type AnyAjv = Ajv | Ajv2019 | Ajv2020;

/**
 * Ajv options for judging schemas that come from a remote server: unknown keywords and formats are
 * allowed (`strict: false`; JSON Schema ignores unknown keywords), nothing is logged, compiled
 * schemas are not registered by `$id` (two tools may reuse one `$id`), and `$ref`s are never loaded:
 * only synchronous `compile` is used, which cannot fetch. Patterns are compiled without the `u` flag,
 * as ECMA-262 patterns written for other validators often escape characters `u` forbids.
 */
const REMOTE_SCHEMA_OPTIONS = {
  strict: false,
  logger: false,
  addUsedSchema: false,
  unicodeRegExp: false,
  validateFormats: false,
  // Checked once, explicitly, before compiling; compiling would check it a second time.
  validateSchema: false,
  // The compiled validators never run: optimizing their code would only cost time. (Messages stay
  // on: the meta-schema validator, built by the same instance, explains what is invalid.)
  code: { optimize: false },
} as const;

/**
 * The dialects checked, by `$schema`. MCP 2025-11-25 (basic, "JSON Schema Usage"): no `$schema`
 * means 2020-12, which every implementation must support; other dialects are optional, so a schema
 * in one we cannot check is a warning rather than an error.
 */
export const DIALECTS = [
  {
    name: '2020-12',
    pattern: /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/,
    create: (code: CodeOptions = {}, extra: Options = {}) =>
      new Ajv2020({
        ...REMOTE_SCHEMA_OPTIONS,
        ...extra,
        code: { ...REMOTE_SCHEMA_OPTIONS.code, ...code },
      }),
  },
  {
    name: '2019-09',
    pattern: /^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/,
    create: (code: CodeOptions = {}, extra: Options = {}) =>
      new Ajv2019({
        ...REMOTE_SCHEMA_OPTIONS,
        ...extra,
        code: { ...REMOTE_SCHEMA_OPTIONS.code, ...code },
      }),
  },
  {
    name: 'draft-07',
    pattern: /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/,
    create: (code: CodeOptions = {}, extra: Options = {}) =>
      new Ajv({
        ...REMOTE_SCHEMA_OPTIONS,
        ...extra,
        code: { ...REMOTE_SCHEMA_OPTIONS.code, ...code },
      }),
  },
] as const;

export type Dialect = (typeof DIALECTS)[number];
export type DialectName = Dialect['name'];

/** One Ajv per dialect for the whole process: building one and its meta-schema costs ~100 ms. */
const instances = new Map<DialectName, AnyAjv>();

function ajvFor(dialect: Dialect): AnyAjv {
  let ajv = instances.get(dialect.name);
  if (!ajv) {
    ajv = dialect.create();
    instances.set(dialect.name, ajv);
  }
  return ajv;
}

/** The dialect's meta-schema as a validator: the instance's own `$schema` when none is declared. */
export function compileMetaValidator(ajv: AnyAjv): ValidateFunction {
  const meta = ajv.defaultMeta();
  const validate = typeof meta === 'string' ? ajv.getSchema(meta) : undefined;
  if (!validate) throw new Error('Ajv has no default meta-schema');
  return validate;
}

/**
 * Checking a schema against its meta-schema. Generating a meta-schema's validator takes ~70 ms of a
 * cold process; the CLI bundle ships the common ones precompiled (./meta-validators).
 */
function metaValidator(dialect: Dialect): ValidateFunction {
  return PRECOMPILED_META[dialect.name] ?? compileMetaValidator(ajvFor(dialect));
}

/**
 * Compiling generates and evaluates code, ~1–4 ms a schema, against ~0.1 ms for checking a schema
 * against its meta-schema. Compiling finds only what the meta-schema cannot (unresolvable `$ref`s,
 * patterns that are not regular expressions), so only schemas that use those keywords are
 * compiled, and at most this many per run, so a hostile listing cannot pin the CPU.
 */
const MAX_COMPILES = 100;
const NEEDS_COMPILE = /"\$(?:ref|dynamicRef|recursiveRef)"|"pattern(?:Properties)?"/;

const MESSAGE_MAX = 300;

function bounded(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MESSAGE_MAX ? `${flat.slice(0, MESSAGE_MAX - 1)}…` : flat;
}

/** Removes what compiling left in the shared instance, so one tool's `$id`s never meet another's. */
function compileIsolated(ajv: AnyAjv, schema: Record<string, unknown>): void {
  const refsBefore = new Set(Object.keys(ajv.refs));
  try {
    ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
    for (const ref of Object.keys(ajv.refs)) if (!refsBefore.has(ref)) delete ajv.refs[ref];
  }
}

/** Per-run state: results by dialect and canonical schema, so identical schemas are judged once. */
interface Judge {
  results: Map<string, string | null>;
  compiles: number;
  /** Schemas that needed compiling past the bound: checked against their meta-schema only. */
  uncompiled: Record<SchemaField, number>;
}

const judges = new WeakMap<unknown[], Judge>();

function judgeFor(t: Transcript): Judge {
  let judge = judges.get(t.tools);
  if (!judge) {
    judge = { results: new Map(), compiles: 0, uncompiled: { inputSchema: 0, outputSchema: 0 } };
    judges.set(t.tools, judge);
  }
  return judge;
}

/** The validator's complaint about this schema in this dialect, or null when it is valid. */
function validatorMessage(
  judge: Judge,
  dialect: Dialect,
  schema: Record<string, unknown>,
  field: SchemaField,
): string | null {
  const key = canonicalJson(schema);
  const cacheKey = `${field}\n${dialect.name}\n${key}`;
  const known = judge.results.get(cacheKey);
  if (known !== undefined) return known;
  // Checked against the dialect's own meta-schema; the dialect was chosen from `$schema` already,
  // and spellings Ajv does not know (`https://…draft-07…`) are fine.
  const copy: Record<string, unknown> = { ...schema };
  delete copy.$schema;
  let message: string | null = null;
  try {
    const validate = metaValidator(dialect);
    if (!validate(copy)) {
      message = ajvFor(dialect).errorsText(validate.errors?.slice(0, 3), { dataVar: field });
    } else if (NEEDS_COMPILE.test(key)) {
      if (judge.compiles < MAX_COMPILES) {
        judge.compiles += 1;
        compileIsolated(ajvFor(dialect), copy);
      } else {
        judge.uncompiled[field] += 1;
      }
    }
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const result = message === null ? null : bounded(message);
  judge.results.set(cacheKey, result);
  return result;
}

/**
 * What is wrong with one tool's `inputSchema` or `outputSchema` (MCP 2025-11-25 server/tools, "Tool"):
 * it must be a JSON Schema object whose root has `type: "object"`, valid in its declared dialect
 * (2020-12 by default), and within the SDK's `ToolSchema`, which rejects the whole list otherwise.
 * An absent `outputSchema` is fine; an absent `inputSchema` is not.
 */
export function schemaProblems(
  t: Transcript,
  entry: ToolEntry,
  field: SchemaField,
): SchemaProblem[] {
  const tool = entry.fields;
  if (!tool) return [];
  const schema = tool[field];
  if (schema === undefined) {
    return field === 'inputSchema'
      ? [{ code: 'missing-schema', severity: 'error', detail: 'has no inputSchema' }]
      : [];
  }
  if (!isRecord(schema)) {
    return [
      {
        code: 'schema-not-object',
        severity: 'error',
        detail: `${field} is ${describeValue(schema)}, not a JSON Schema object`,
      },
    ];
  }
  const problems: SchemaProblem[] = [];
  if (schema.type !== 'object') {
    const seen =
      schema.type === undefined
        ? 'has no type'
        : `has type ${JSON.stringify(schema.type)?.slice(0, 60)}`;
    problems.push({
      code: 'root-not-object-type',
      severity: 'error',
      detail: `${field} ${seen}; MCP requires "type": "object" at the root`,
    });
  }
  // Other SDK rejections under this field (e.g. `required` not an array, a property schema `true`).
  for (const issue of entry.issues) {
    if (issue.field === field && issue.path !== `${field}.type`) {
      const what = issue.message === 'invalid value' ? 'must be a schema object' : issue.message;
      problems.push({
        code: 'sdk-rejects-schema',
        severity: 'error',
        detail: `${issue.path}: ${what} (the MCP SDK rejects the whole tool list)`,
      });
    }
  }
  const declared = schema.$schema;
  const dialect =
    declared === undefined
      ? DIALECTS[0]
      : DIALECTS.find((d) => typeof declared === 'string' && d.pattern.test(declared));
  if (!dialect) {
    problems.push({
      code: 'unsupported-dialect',
      severity: 'warning',
      detail: `${field}.$schema is ${describeValue(declared)}: clients must support only JSON Schema 2020-12 and may reject other dialects`,
    });
    return problems;
  }
  const message = validatorMessage(judgeFor(t), dialect, schema, field);
  if (message !== null) {
    problems.push({
      code: 'invalid-json-schema',
      severity: 'error',
      detail: `${field} is not valid JSON Schema ${dialect.name}: ${message}`,
    });
  }
  return problems;
}

/** Says when the compile bound was reached in this run, for an honest pass message. */
export function compileBoundNote(t: Transcript, field: SchemaField): string {
  const uncompiled = judges.get(t.tools)?.uncompiled[field] ?? 0;
  return uncompiled
    ? ` (${uncompiled} schema${uncompiled === 1 ? '' : 's'} past the first ${MAX_COMPILES} with $ref or pattern checked against the meta-schema only)`
    : '';
}

/** A tool's schema problems as one finding: its worst severity, most important code, every detail. */
export function schemaFinding(
  t: Transcript,
  entry: ToolEntry,
  field: SchemaField,
): ToolFinding<SchemaCode> | null {
  const problems = schemaProblems(t, entry, field);
  if (!problems.length) return null;
  const severity = worstSeverity(problems.map((p) => p.severity));
  const code =
    SCHEMA_CODES.find((c) => problems.some((p) => p.code === c && p.severity === severity)) ??
    'invalid-json-schema';
  return { entry, code, severity, detail: problems.map((p) => p.detail).join('; ') };
}
