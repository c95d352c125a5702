import { z } from 'zod';
import { CLIENT_PROFILES, type ClientId } from '@/lib/clients';
import { RuleOutcomeKindSchema } from '@/lib/clients/rule';
import { VerdictSchema } from '@/lib/clients/verdict';
import { SKIPPABLE_AREAS } from '@/lib/report/areas';
import { LIMITS } from '@/lib/probe/limits';
import {
  AreaSchema,
  ReportStatusSchema,
  RowSchema,
  RowStatusSchema,
  ServerInfoSchema,
  SeveritySchema,
  StepSchema,
  FindingItemSchema,
} from '@/lib/report/schema';
import { RunStateSchema } from '@/lib/runs/schema';

/**
 * The MCP tools' inputs and outputs, as zod schemas: the SDK advertises their JSON Schema in
 * `tools/list` (`inputSchema`, `outputSchema`) and validates arguments and `structuredContent`
 * against them. The report's own schemas are reused wherever a value has the report's shape.
 */

const CLIENT_IDS = CLIENT_PROFILES.map((p) => p.id) as [ClientId, ...ClientId[]];

/**
 * `diagnose_endpoint`'s arguments. Only the JSON shape is declared here; the values are then
 * parsed by the HTTP API's own parser (lib/api/check-input.ts), so both refuse the same inputs
 * with the same words.
 */
export const DiagnoseInputSchema = z.object({
  url: z
    .string()
    .describe(
      'The MCP endpoint to diagnose, as a client would be given it, e.g. https://example.com/mcp or http://localhost:8787/mcp',
    ),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Extra HTTP headers to send with every request, e.g. {"X-Api-Key": "…"}. Values are never stored or echoed.',
    ),
  token: z
    .string()
    .optional()
    .describe(
      'A bearer token to send as Authorization: Bearer <token>. Never stored or echoed; omit it to see what a client sees before signing in.',
    ),
  client: z
    .enum(CLIENT_IDS)
    .optional()
    .describe('Judge the endpoint for one client: what that client does with it, and why.'),
  skip: z
    .array(z.enum(SKIPPABLE_AREAS))
    .optional()
    .describe('Areas to leave out: tools, widgets, auth (skipping tools skips widgets too).'),
  timeoutMs: z
    .number()
    .int()
    .min(LIMITS.minRunTimeoutMs)
    .max(LIMITS.maxRunTimeoutMs)
    .optional()
    .describe(`The diagnosis's time budget in milliseconds (default ${LIMITS.runTimeoutMs}).`),
});
export type DiagnoseInput = z.infer<typeof DiagnoseInputSchema>;

/** Items kept per failing check: enough to act on, without a 5,000-tool server filling the answer. */
export const MAX_ITEMS_PER_CHECK = 10;

/** A check that failed (or crashed), with what to do about it. */
export const FailingCheckSchema = z.object({
  id: z.string(),
  area: AreaSchema,
  title: z.string(),
  status: z.enum(['fail', 'error']),
  severity: SeveritySchema,
  code: z.string().nullable(),
  message: z.string(),
  fix: z.string(),
  docs: z.string(),
  items: z.array(FindingItemSchema.omit({ evidence: true })),
  /** Items beyond the first MAX_ITEMS_PER_CHECK, left out of this answer (the permalink has them). */
  moreItems: z.number().int().nonnegative(),
});
export type FailingCheck = z.infer<typeof FailingCheckSchema>;

/** Reasons kept per client verdict: the ones that decide it come first. */
export const MAX_REASONS_PER_CLIENT = 5;

/** One client's verdict on the endpoint (issue 13's per-client verdicts), when the report has them. */
export const ClientVerdictSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  verdict: VerdictSchema,
  reasons: z.array(
    z.object({
      outcome: RuleOutcomeKindSchema,
      message: z.string(),
      check: z.string().optional(),
    }),
  ),
});
export type ClientVerdictSummary = z.infer<typeof ClientVerdictSummarySchema>;

/**
 * `diagnose_endpoint`'s `structuredContent`: the verdict and the four rows exactly as the report
 * has them, the failing checks with their fixes, the per-client verdicts when present, and where
 * the full report lives.
 */
export const DiagnosisSchema = z.object({
  runId: z.string(),
  url: z.string(),
  /** The run's page on the dashboard; null when it was diagnosed in-process (stdio). */
  permalink: z.string().nullable(),
  status: ReportStatusSchema,
  healthy: z.boolean(),
  /** One line: "Healthy: 0 errors, 1 warning." */
  verdict: z.string(),
  counts: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    notes: z.number().int(),
    passed: z.number().int(),
    skipped: z.number().int(),
  }),
  rows: z.array(RowSchema),
  failing: z.array(FailingCheckSchema),
  clients: z.array(ClientVerdictSummarySchema).optional(),
  server: ServerInfoSchema.pick({
    name: true,
    version: true,
    protocolVersion: true,
    era: true,
    transport: true,
  }),
  startedAt: z.string(),
  durationMs: z.number(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const RunIdInputSchema = z.object({
  id: z.string().max(100).describe('The run id diagnose_endpoint or list_runs returned.'),
});

/** `get_run`: the run's state, its steps so far, and its diagnosis once it is done. */
export const RunOutputSchema = z.object({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  state: RunStateSchema,
  permalink: z.string().nullable(),
  steps: z.array(StepSchema.pick({ id: true, status: true, summary: true })),
  diagnosis: DiagnosisSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type RunOutput = z.infer<typeof RunOutputSchema>;

export const ListRunsInputSchema = z.object({
  url: z.string().max(2048).describe('The MCP endpoint whose earlier runs to list.'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('How many runs to list, newest first (default 10).'),
});

/** One line of an endpoint's history: enough to see whether it got better, without the report. */
export const RunListEntrySchema = z.object({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  state: RunStateSchema,
  status: ReportStatusSchema.nullable(),
  rows: z.array(z.object({ id: z.string(), status: RowStatusSchema })),
  /** Checks that failed or crashed; null until the run is done. */
  problems: z.number().int().nullable(),
  permalink: z.string().nullable(),
});
export type RunListEntry = z.infer<typeof RunListEntrySchema>;

export const RunListSchema = z.object({ url: z.string(), runs: z.array(RunListEntrySchema) });

export const CheckIdInputSchema = z.object({
  id: z
    .string()
    .max(100)
    .describe('A check id as reports name it, e.g. "widgets.mime-type" (list_checks lists them).'),
});

/** `explain_check`: what a check looks at, why a failure matters, and how to fix it. */
export const CheckExplanationSchema = z.object({
  id: z.string(),
  area: AreaSchema,
  row: z.string(),
  severity: SeveritySchema,
  title: z.string(),
  failureTitle: z.string(),
  whyItMatters: z.string(),
  fix: z.string(),
  docs: z.string(),
  codes: z.array(z.string()),
});
export type CheckExplanation = z.infer<typeof CheckExplanationSchema>;

export const ListChecksInputSchema = z.object({
  area: AreaSchema.optional().describe(
    'Only the checks of one row: connection, tools, widgets, auth.',
  ),
});

export const CheckListSchema = z.object({
  checks: z.array(
    CheckExplanationSchema.pick({ id: true, area: true, severity: true, title: true }),
  ),
});
