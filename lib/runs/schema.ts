import { z } from 'zod';
import { ClientIdSchema } from '@/lib/clients/ids';
import type { CiOptions } from '@/lib/diagnose/options';
import { FORMAT_IDS } from '@/lib/report/formats';
import { ReportSchema, StepSchema } from '@/lib/report/schema';
import { SkippableAreaSchema } from '@/lib/report/schema-base';

/**
 * `interrupted`: the process running it stopped (a crash, a restart, a deploy) before it finished;
 * the steps recorded until then are kept, and the run can be made again.
 */
export const RunStateSchema = z.enum(['running', 'done', 'failed', 'interrupted']);
export type RunState = z.infer<typeof RunStateSchema>;

/** Why a run has no report: not the server's doing (that is in the report), the run's own. */
export const RunErrorSchema = z.object({
  code: z.enum(['internal', 'interrupted']),
  message: z.string(),
});

/** 16 random bytes as base64url: unguessable, URL-safe, and checkable before any lookup. */
export const RunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/**
 * How a run was asked for, minus every secret: what a re-run needs to make the same run again.
 * The token and header values are never kept, only that they were sent, so a re-run asks for them.
 */
export const RerunRequestSchema = z.object({
  timeoutMs: z.number().int().positive(),
  checkRedirectUri: z.boolean(),
  sentWith: z.object({ token: z.boolean(), headerNames: z.array(z.string().max(200)).max(50) }),
  /** The CI options of `POST /api/runs`, as parsed (lib/diagnose/options.ts). */
  options: z
    .object({
      strict: z.boolean(),
      timeoutMs: z.number().int().optional(),
      expectTools: z.array(z.string()),
      minTools: z.number().int().optional(),
      skip: z.array(SkippableAreaSchema),
      format: z.enum(FORMAT_IDS).optional(),
      repeat: z.number().int().optional(),
      client: z.array(ClientIdSchema).optional(),
    })
    .nullable() satisfies z.ZodType<CiOptions | null>,
});
export type RerunRequest = z.infer<typeof RerunRequestSchema>;

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
  /** How it was asked for, for a re-run; absent on runs saved before it was kept, and on imports. */
  request: RerunRequestSchema.optional(),
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
