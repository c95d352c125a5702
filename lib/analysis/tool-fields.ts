import { escapeInvisible } from './escape';

/**
 * Every string of a tool that reaches the model, with a path to name it in evidence: name, title,
 * description, `annotations.title`, and in the input and output schemas each property's name,
 * title, description, and string defaults, examples and enum values (instructions hide there too:
 * CyberArk, "Poison everywhere", https://www.cyberark.com/resources/threat-research-blog/poison-everywhere-no-output-from-your-mcp-server-is-safe).
 * Tools come as received from tools/list, so nothing about their shape is assumed.
 */

export interface ToolField {
  /** `description`, `inputSchema.properties.path.description`, … */
  path: string;
  text: string;
  /** A name (tool or property): judged as an identifier, not as prose. */
  isName: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_DEPTH = 8;
const MAX_FIELDS = 1_000;
const MAX_ARRAY = 50;

function schemaFields(schema: unknown, path: string, depth: number, out: ToolField[]): void {
  if (!isRecord(schema) || depth > MAX_DEPTH || out.length >= MAX_FIELDS) return;
  for (const key of ['title', 'description'] as const)
    if (typeof schema[key] === 'string')
      out.push({ path: `${path}.${key}`, text: schema[key], isName: false });
  if (typeof schema.default === 'string')
    out.push({ path: `${path}.default`, text: schema.default, isName: false });
  for (const key of ['enum', 'examples'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      list.slice(0, MAX_ARRAY).forEach((v, i) => {
        if (typeof v === 'string')
          out.push({ path: `${path}.${key}[${i}]`, text: v, isName: false });
      });
  }
  for (const key of ['properties', '$defs', 'definitions', 'patternProperties'] as const) {
    const children = schema[key];
    if (!isRecord(children)) continue;
    for (const [name, child] of Object.entries(children).slice(0, MAX_FIELDS)) {
      // Names go into the path escaped, so an invisible character in a key shows there too.
      const childPath = `${path}.${key}.${escapeInvisible(name)}`;
      if (key === 'properties') out.push({ path: childPath, text: name, isName: true });
      schemaFields(child, childPath, depth + 1, out);
    }
  }
  if (isRecord(schema.items)) schemaFields(schema.items, `${path}.items`, depth + 1, out);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      list
        .slice(0, MAX_ARRAY)
        .forEach((child, i) => schemaFields(child, `${path}.${key}[${i}]`, depth + 1, out));
  }
}

/** The model-visible strings of one tool (as received), at most MAX_FIELDS of them. */
export function toolFields(tool: unknown): { fields: ToolField[]; truncated: boolean } {
  const out: ToolField[] = [];
  if (!isRecord(tool)) return { fields: out, truncated: false };
  if (typeof tool.name === 'string') out.push({ path: 'name', text: tool.name, isName: true });
  if (typeof tool.title === 'string') out.push({ path: 'title', text: tool.title, isName: false });
  if (typeof tool.description === 'string')
    out.push({ path: 'description', text: tool.description, isName: false });
  if (isRecord(tool.annotations) && typeof tool.annotations.title === 'string')
    out.push({ path: 'annotations.title', text: tool.annotations.title, isName: false });
  schemaFields(tool.inputSchema, 'inputSchema', 0, out);
  schemaFields(tool.outputSchema, 'outputSchema', 0, out);
  return { fields: out.slice(0, MAX_FIELDS), truncated: out.length > MAX_FIELDS };
}
