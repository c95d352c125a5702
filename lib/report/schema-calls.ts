import { z } from 'zod';
import { ProbeErrorSchema } from './schema-base';

/**
 * A `tools/call` made from the dashboard or the API after the run (`POST /api/runs/<id>/calls`),
 * appended to the run with its exchanges. Stored at `report.calls`; reports saved before that
 * existed hold the widget tools' calls at `report.widgets.calls` (see lib/calls/list.ts).
 */

/** The Ajv errors kept per verdict: enough to see what is wrong, not a way to fill the report. */
export const MAX_OUTPUT_ERRORS = 10;

export const OutputErrorSchema = z.object({
  /** JSON Pointer into `structuredContent` ("" for the root). */
  instancePath: z.string(),
  message: z.string(),
});
export type OutputError = z.infer<typeof OutputErrorSchema>;

/**
 * `structuredContent` against the tool's `outputSchema` (MCP 2025-06-18 and later: a tool that
 * declares an `outputSchema` must return `structuredContent` that conforms to it). `not-checked`:
 * an error result, or a schema that could not be compiled within the bounds; `message` says why.
 */
export const OutputCheckSchema = z.object({
  verdict: z.enum([
    'valid',
    'invalid',
    'no-output-schema',
    'missing-structured-content',
    'not-checked',
  ]),
  message: z.string(),
  errors: z.array(OutputErrorSchema).max(MAX_OUTPUT_ERRORS),
  /** Errors past the ones kept. */
  moreErrors: z.number().int().nonnegative(),
});
export type OutputCheck = z.infer<typeof OutputCheckSchema>;

export const ToolCallSchema = z.object({
  id: z.string(),
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  durationMs: z.number(),
  /** The raw `CallToolResult` (null when the call failed or the result was too large to keep). */
  result: z.unknown(),
  error: ProbeErrorSchema.nullable(),
  exchangeIds: z.array(z.string()),
  /** Null when there is no result to check; absent in calls made before it existed. */
  outputCheck: OutputCheckSchema.nullable().optional(),
  /** The caller confirmed a tool not annotated `readOnlyHint: true`; absent for read-only tools. */
  confirmed: z.boolean().optional(),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;
