import { z } from 'zod';

/** The two annotations that decide whether a tool may be called without asking (MCP ToolAnnotations). */
const AnnotationsSchema = z
  .object({
    annotations: z
      .object({
        readOnlyHint: z.boolean().optional().catch(undefined),
        destructiveHint: z.boolean().optional().catch(undefined),
      })
      .optional()
      .catch(undefined),
  })
  .catch({});

export interface ToolSafety {
  /** `annotations.readOnlyHint === true`: called without a confirmation. */
  readOnly: boolean;
  /**
   * Not read-only and not `destructiveHint: false`: `annotated` when the tool says
   * `destructiveHint: true`, `assumed` when it says nothing (MCP ToolAnnotations: `destructiveHint`,
   * meaningful only when not read-only, defaults to true); null when it may not destroy anything.
   */
  destructive: 'annotated' | 'assumed' | null;
}

/** What a tool's annotations say about calling it; anything malformed counts as not said. */
export function toolSafety(descriptor: unknown): ToolSafety {
  const annotations = AnnotationsSchema.parse(descriptor).annotations;
  const readOnly = annotations?.readOnlyHint === true;
  const hint = annotations?.destructiveHint;
  if (readOnly || hint === false) return { readOnly, destructive: null };
  return { readOnly, destructive: hint === true ? 'annotated' : 'assumed' };
}

/**
 * A widget tool's safety: the widget records `readOnlyHint` itself (the tool list the run kept may
 * be a later page's); `destructiveHint` still comes from the tool as listed.
 */
export function widgetToolSafety(descriptor: unknown, readOnlyHint: boolean): ToolSafety {
  return readOnlyHint
    ? { readOnly: true, destructive: null }
    : { ...toolSafety(descriptor), readOnly: false };
}

/**
 * Why calling this tool needs `confirm: true`, or null when it does not: only tools annotated
 * `readOnlyHint: true` are called without one.
 */
export function confirmationNeeded(tool: string, safety: ToolSafety): string | null {
  if (safety.readOnly) return null;
  const name = tool.slice(0, 100);
  if (safety.destructive === 'annotated')
    return `${name} is annotated destructiveHint: true: it may delete or overwrite data on the server; send "confirm": true to call it anyway.`;
  return safety.destructive
    ? `${name} is not annotated readOnlyHint: true and not destructiveHint: false, so it may change or delete data on the server (MCP ToolAnnotations: destructiveHint defaults to true when a tool is not read-only); send "confirm": true to call it anyway.`
    : `${name} is not annotated readOnlyHint: true, so it may change data on the server; send "confirm": true to call it anyway.`;
}
