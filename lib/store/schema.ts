import { z } from 'zod';
import { ReportSchema, RowStatusSchema } from '@/lib/report/schema';
import { RunSchema, RunStateSchema } from '@/lib/runs/schema';

/** 16 random bytes as base64url, like run ids: unguessable, so a link is the permission. */
export const StoreIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const RunOriginSchema = z.enum(['probe', 'imported']);
export type RunOrigin = z.infer<typeof RunOriginSchema>;

/** A run as the store keeps it: the API's run, plus where it came from. */
export const StoredRunSchema = RunSchema.extend({
  origin: RunOriginSchema,
  /** For an import: the id the run had where it was exported. */
  importedFrom: z.string().nullable(),
  /** When the probe started: the report's `startedAt`, else when the run was created. */
  startedAt: z.string(),
});
export type StoredRun = z.infer<typeof StoredRunSchema>;

/** A line of a history or a session: enough to list a run without loading its report. */
export const RunSummarySchema = z.object({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  startedAt: z.string(),
  state: RunStateSchema,
  origin: RunOriginSchema,
  status: ReportSchema.shape.status.nullable(),
  rows: z.array(z.object({ id: z.string(), status: RowStatusSchema })),
  /** Checks that failed or crashed; null until the report exists. */
  problems: z.number().int().nullable(),
  /** Tools listed; null when the run has no listing. */
  toolCount: z.number().int().nullable(),
  /** What the run was sent with, values never kept: a rerun has to be given them again. */
  sentWith: z.object({ token: z.boolean(), headerNames: z.array(z.string()) }).nullable(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const SessionSchema = z.object({
  id: StoreIdSchema,
  name: z.string(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

/** A note on a session, on one check of one run, or on one exchange of one run. */
export const NoteSchema = z.object({
  id: StoreIdSchema,
  sessionId: StoreIdSchema,
  runId: z.string().nullable(),
  checkId: z.string().nullable(),
  exchangeId: z.string().nullable(),
  author: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;
