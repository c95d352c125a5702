/**
 * What each MCP tool annotation says and what ChatGPT does with it, for the checks and for the UI's
 * tool list. Kept free of imports so a client component can use it.
 *
 * Meanings and defaults: MCP 2025-11-25 schema, `ToolAnnotations` (readOnlyHint defaults to false,
 * destructiveHint to true, idempotentHint to false, openWorldHint to true; destructive and idempotent
 * matter only for tools that are not read-only). ChatGPT's behaviour: Apps SDK reference,
 * "Annotations" (read-only tools skip the "Are you sure?" prompt).
 */

export const TOOL_HINTS = [
  'readOnlyHint',
  'destructiveHint',
  'idempotentHint',
  'openWorldHint',
] as const;
export type ToolHint = (typeof TOOL_HINTS)[number];

/** `absent` when the hint is not set; `invalid` when it is set to something other than a boolean. */
export type ToolHintValue = boolean | 'absent' | 'invalid';

export interface ToolHintDescription {
  hint: ToolHint;
  value: ToolHintValue;
  /** One line on what the value means for the user in ChatGPT. */
  effect: string;
}

const INVALID = 'Not a boolean: clients built on the MCP SDK reject the whole tool list.';
const IRRELEVANT = 'Does not apply: the tool is marked read-only.';

function effectOf(hint: ToolHint, value: ToolHintValue, readOnly: boolean): string {
  if (value === 'invalid') return INVALID;
  switch (hint) {
    case 'readOnlyHint':
      if (value === true) return 'Read-only: ChatGPT runs it without asking the user to confirm.';
      if (value === false) return 'Write action: ChatGPT asks the user to confirm before it runs.';
      return 'Not set: ChatGPT treats it as a write action and asks the user to confirm.';
    case 'destructiveHint':
      if (readOnly) {
        return value === true
          ? 'Contradicts readOnlyHint: a read-only tool cannot delete or overwrite anything.'
          : IRRELEVANT;
      }
      if (value === true)
        return 'Destructive: it may delete or overwrite data, so ChatGPT warns more strongly before it runs.';
      if (value === false) return 'Not destructive: it only adds or updates data.';
      return 'Not set: clients assume a write tool may delete or overwrite data.';
    case 'idempotentHint':
      if (readOnly) return IRRELEVANT;
      if (value === true)
        return 'Idempotent: calling it again with the same arguments changes nothing more, so a retry is safe.';
      if (value === false) return 'Not idempotent: calling it again may repeat its effect.';
      return 'Not set: clients assume calling it again may repeat its effect.';
    case 'openWorldHint':
      if (value === true)
        return 'Open world: it reaches outside systems (the web, third-party services, public posts).';
      if (value === false) return 'Closed world: it works only inside your own service.';
      return 'Not set: clients assume it reaches outside systems.';
  }
}

/** Each hint of a tool (as received, unvalidated) with its value and what ChatGPT does with it. */
export function describeAnnotations(tool: unknown): ToolHintDescription[] {
  const annotations = isObject(tool) ? tool.annotations : undefined;
  const values = TOOL_HINTS.map((hint): [ToolHint, ToolHintValue] => {
    const value = isObject(annotations) ? annotations[hint] : undefined;
    return [hint, value === undefined ? 'absent' : typeof value === 'boolean' ? value : 'invalid'];
  });
  const readOnly = values[0]?.[1] === true;
  return values.map(([hint, value]) => ({ hint, value, effect: effectOf(hint, value, readOnly) }));
}

/** The value of one hint of a tool. */
export function hintValue(tool: unknown, hint: ToolHint): ToolHintValue {
  return describeAnnotations(tool).find((d) => d.hint === hint)?.value ?? 'absent';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
