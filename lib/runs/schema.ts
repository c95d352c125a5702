import { z } from 'zod';
import { ReportSchema, StepSchema } from '@/lib/report/schema';

export const RunStateSchema = z.enum(['running', 'done', 'failed']);
export type RunState = z.infer<typeof RunStateSchema>;

/** Why a run has no report: not the server's doing (that is in the report), the run's own. */
export const RunErrorSchema = z.object({ code: z.enum(['internal']), message: z.string() });

/** 16 random bytes as base64url: unguessable, URL-safe, and checkable before any lookup. */
export const RunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** What `GET /api/runs/<id>` answers: the steps as they finish, then the report. */
export const RunSchema = z.object({
  id: RunIdSchema,
  /** The URL being checked, credentials redacted, so a page can name it before the report exists. */
  url: z.string(),
  createdAt: z.string(),
  state: RunStateSchema,
  steps: z.array(StepSchema),
  report: ReportSchema.optional(),
  /** Why the run produced no report (the probe itself crashed); remote failures are in the report. */
  error: RunErrorSchema.optional(),
});
export type Run = z.infer<typeof RunSchema>;

/** The part of a run the progress view polls for; the report is rendered by the server. */
export const RunProgressSchema = RunSchema.pick({
  id: true,
  state: true,
  steps: true,
  error: true,
});
export type RunProgress = z.infer<typeof RunProgressSchema>;
