import { z } from 'zod';
import {
  AreaSchema,
  CheckStatusSchema,
  ReportSchema,
  RowStatusSchema,
  SeveritySchema,
} from './schema';

/** The shapes of a run diff (see ./diff.ts), apart from the code, so pages can parse them. */

/** The parts of a tool ChatGPT shows the model or acts on, in the order a difference is named. */
export const TOOL_FIELDS = [
  'title',
  'description',
  'inputSchema',
  'outputSchema',
  'annotations',
  '_meta',
] as const;

export const ToolFieldSchema = z.enum([...TOOL_FIELDS, 'other fields']);
export type ToolField = z.infer<typeof ToolFieldSchema>;

/** Bound on each rendered value in a diff: schemas can be large, and a diff is polled. */
export const DIFF_VALUE_MAX = 4000;

export const ToolFieldChangeSchema = z.object({
  field: ToolFieldSchema,
  /** Pretty JSON of the value before and after (bounded), null when absent. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ToolFieldChange = z.infer<typeof ToolFieldChangeSchema>;

export const ToolDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ name: z.string(), fields: z.array(ToolFieldChangeSchema) })),
  unchanged: z.number().int(),
});
export type ToolDiff = z.infer<typeof ToolDiffSchema>;

/** One check's verdict, all a run diff needs of it. */
export const CheckVerdictSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: CheckStatusSchema,
  severity: SeveritySchema,
});
export type CheckVerdict = z.infer<typeof CheckVerdictSchema>;

const VerdictSchema = z.object({ status: CheckStatusSchema, severity: SeveritySchema });
export const CheckChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** null: the check did not exist in that run (another MCP Doctor version judged it). */
  before: VerdictSchema.nullable(),
  after: VerdictSchema.nullable(),
});
export type CheckChange = z.infer<typeof CheckChangeSchema>;

/** What a run diff needs of a finished run; the store keeps it beside the report. */
export const RunSnapshotSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  status: ReportSchema.shape.status,
  rows: z.array(z.object({ id: AreaSchema, status: RowStatusSchema })),
  /** The tools when `tools/list` completed, null when it did not (nothing to compare then). */
  tools: z.array(z.unknown()).nullable(),
  checks: z.array(CheckVerdictSchema),
});
export type RunSnapshot = z.infer<typeof RunSnapshotSchema>;

/** A row of the four whose status differs between the runs (the summary a person reads first). */
export const RowChangeSchema = z.object({
  id: AreaSchema,
  before: RowStatusSchema,
  after: RowStatusSchema,
});
export type RowChange = z.infer<typeof RowChangeSchema>;

const DiffSideSchema = RunSnapshotSchema.pick({ runId: true, startedAt: true, status: true });
export const RunDiffSchema = z.object({
  from: DiffSideSchema,
  to: DiffSideSchema,
  /** Rows whose status changed; diffs kept before rows were compared have none. */
  rows: z.array(RowChangeSchema).default([]),
  /** null when either run has no complete tool list. */
  tools: ToolDiffSchema.nullable(),
  checks: z.array(CheckChangeSchema),
});
export type RunDiff = z.infer<typeof RunDiffSchema>;
