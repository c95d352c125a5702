import { isRecord } from '@/lib/json/is-record';

/** One input of the "Call and render" form, generated from a property of the tool's `inputSchema`. */
export interface FormField {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';
  required: boolean;
  description: string | null;
  /** The `enum` values, for a select. */
  options: (string | number | boolean | null)[];
  /** The schema's `default`, as the form shows it. */
  initial: string | boolean;
}

const MAX_FIELDS = 50;

function kindOf(schema: Record<string, unknown>): FormField['kind'] {
  if (
    Array.isArray(schema.enum) &&
    schema.enum.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  )
    return 'enum';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean')
    return type;
  return 'json';
}

/**
 * The fields of a form for a tool's input schema: one per top-level property, typed inputs for
 * strings, numbers, booleans and enums, a JSON box for anything nested. Null when the schema has
 * no properties to list (the form then takes the arguments as one JSON object).
 */
export function formFields(inputSchema: unknown): FormField[] | null {
  if (!isRecord(inputSchema) || !isRecord(inputSchema.properties)) return null;
  const required = new Set(
    Array.isArray(inputSchema.required)
      ? inputSchema.required.filter((r): r is string => typeof r === 'string')
      : [],
  );
  const fields: FormField[] = [];
  for (const [name, raw] of Object.entries(inputSchema.properties).slice(0, MAX_FIELDS)) {
    const schema = isRecord(raw) ? raw : {};
    const kind = kindOf(schema);
    const fallback = kind === 'boolean' ? false : '';
    const initial =
      schema.default === undefined
        ? fallback
        : kind === 'boolean'
          ? schema.default === true
          : kind === 'json'
            ? JSON.stringify(schema.default)
            : String(schema.default);
    fields.push({
      name,
      kind,
      required: required.has(name),
      description: typeof schema.description === 'string' ? schema.description.slice(0, 300) : null,
      options: kind === 'enum' ? (schema.enum as FormField['options']).slice(0, 100) : [],
      initial,
    });
  }
  return fields;
}

export type FormValues = Record<string, string | boolean>;

/**
 * The `arguments` object for `tools/call` from the form's values: empty optional inputs are left
 * out, numbers and JSON are parsed, enum values keep the type the schema gave them.
 */
export function argumentsFrom(
  fields: FormField[] | null,
  values: FormValues,
  freeform: string,
): { ok: true; arguments: Record<string, unknown> } | { ok: false; message: string } {
  if (fields === null) {
    if (freeform.trim() === '') return { ok: true, arguments: {} };
    try {
      const parsed: unknown = JSON.parse(freeform);
      return isRecord(parsed)
        ? { ok: true, arguments: parsed }
        : { ok: false, message: 'The arguments must be a JSON object.' };
    } catch (error) {
      return {
        ok: false,
        message: `The arguments are not valid JSON: ${(error as Error).message}`,
      };
    }
  }
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? field.initial;
    if (field.kind === 'boolean') {
      args[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    if (text.trim() === '') {
      if (field.required) return { ok: false, message: `${field.name} is required.` };
      continue;
    }
    switch (field.kind) {
      case 'number':
      case 'integer': {
        const n = Number(text);
        if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n)))
          return {
            ok: false,
            message: `${field.name} must be ${field.kind === 'integer' ? 'an integer' : 'a number'}.`,
          };
        args[field.name] = n;
        break;
      }
      case 'enum':
        args[field.name] = field.options.find((o) => String(o) === text) ?? text;
        break;
      case 'json':
        try {
          args[field.name] = JSON.parse(text);
        } catch {
          return { ok: false, message: `${field.name} must be JSON.` };
        }
        break;
      default:
        args[field.name] = text;
    }
  }
  return { ok: true, arguments: args };
}
