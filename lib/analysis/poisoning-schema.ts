import { z } from 'zod';

/**
 * The findings of the tool-poisoning analysis (issue 15): what the model would read in a tool
 * list that the person approving the server would not see, or would not expect. Invariant Labs
 * named the attack class — instructions in tool descriptions that make the model read secrets,
 * exfiltrate them, or change how other tools are used
 * (https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks); the MCP spec
 * asks clients to treat tool metadata from untrusted servers with suspicion
 * (https://modelcontextprotocol.io/specification/2025-11-25/server/tools#security-considerations).
 */

/** One table: each kind with its severity. Smuggled characters are errors; wording is a warning. */
export const POISONING_KINDS = {
  'invisible-char': 'error',
  'tag-char': 'error',
  'bidi-override': 'error',
  'mixed-script-name': 'error',
  'mixed-script-word': 'error',
  'hidden-instructions': 'warning',
  'secret-access': 'warning',
  'exfiltration-url': 'warning',
  shadowing: 'warning',
} as const;

export const PoisoningKindSchema = z.enum(
  Object.keys(POISONING_KINDS) as [
    keyof typeof POISONING_KINDS,
    ...(keyof typeof POISONING_KINDS)[],
  ],
);
export type PoisoningKind = z.infer<typeof PoisoningKindSchema>;

export const SpanSchema = z.object({
  /** UTF-16 offsets into the field's text, as JavaScript indexes strings. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The matched text, invisible and control characters escaped (`\u200b`), bounded. */
  text: z.string(),
  /** The match with a little text either side, escaped and bounded the same way. */
  context: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

export const PoisoningFindingSchema = z.object({
  kind: PoisoningKindSchema,
  severity: z.enum(['error', 'warning']),
  /** The tool's name (escaped), `tools[i]` for a tool without a string name; null = server instructions. */
  tool: z.string().nullable(),
  /** Where in the tool: `description`, `annotations.title`, `inputSchema.properties.path.description`. */
  field: z.string(),
  span: SpanSchema,
  detail: z.string(),
});
export type PoisoningFinding = z.infer<typeof PoisoningFindingSchema>;

export const PoisoningResultSchema = z.object({
  findings: z.array(PoisoningFindingSchema),
  /** A bound was reached (tools, fields, characters or findings): what follows was not scanned. */
  truncated: z.boolean(),
});
export type PoisoningResult = z.infer<typeof PoisoningResultSchema>;

/** What a detector reports: a kind, where in the text, and one sentence. */
export interface Match {
  kind: PoisoningKind;
  start: number;
  end: number;
  detail: string;
}
