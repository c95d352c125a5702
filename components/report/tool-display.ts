import { z } from 'zod';

const text = z.string().optional().catch(undefined);

/**
 * What the tools panel shows of a tool as the server sent it. Lenient on purpose: the tools checks
 * judge validity; a malformed field here is shown as absent rather than hiding the whole tool.
 */
export const ToolDisplaySchema = z.object({
  name: z.string(),
  title: text,
  description: text,
  // The behaviour hints are read by describeAnnotations; only the display title is needed here.
  annotations: z.object({ title: text }).optional().catch(undefined),
  inputSchema: z.unknown().optional(),
  outputSchema: z.unknown().optional(),
  _meta: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
export type ToolDisplay = z.infer<typeof ToolDisplaySchema>;

export type ParsedTool = { ok: true; tool: ToolDisplay } | { ok: false; raw: unknown };

export function parseTool(raw: unknown): ParsedTool {
  const parsed = ToolDisplaySchema.safeParse(raw);
  return parsed.success ? { ok: true, tool: parsed.data } : { ok: false, raw };
}
