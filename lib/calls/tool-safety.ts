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
   * Not read-only and not `destructiveHint: false`: MCP ToolAnnotations say `destructiveHint`
   * (meaningful only when not read-only) defaults to true.
   */
  destructive: boolean;
}

/** What a tool's annotations say about calling it; anything malformed counts as not said. */
export function toolSafety(descriptor: unknown): ToolSafety {
  const annotations = AnnotationsSchema.parse(descriptor).annotations;
  const readOnly = annotations?.readOnlyHint === true;
  return { readOnly, destructive: !readOnly && annotations?.destructiveHint !== false };
}

/**
 * Why calling this tool needs `confirm: true`, or null when it does not: only tools annotated
 * `readOnlyHint: true` are called without one.
 */
export function confirmationNeeded(tool: string, safety: ToolSafety): string | null {
  if (safety.readOnly) return null;
  const name = tool.slice(0, 100);
  return safety.destructive
    ? `${name} is not annotated readOnlyHint: true and not destructiveHint: false, so it may change or delete data on the server (MCP ToolAnnotations: destructiveHint defaults to true when a tool is not read-only); send "confirm": true to call it anyway.`
    : `${name} is not annotated readOnlyHint: true, so it may change data on the server; send "confirm": true to call it anyway.`;
}
