import { z } from 'zod';
import { RunDiffSchema } from '@/lib/report/diff-schema';
import { NoteSchema, RunSummarySchema, SessionSchema } from '@/lib/store/schema';

/** What `GET /api/sessions/<id>` answers; the session page polls it. */
export const SessionViewSchema = z.object({
  session: SessionSchema,
  /** Newest first. */
  runs: z.array(RunSummarySchema),
  /** Each finished run against the finished run before it in this session, newest first. */
  diffs: z.array(RunDiffSchema),
  notes: z.array(NoteSchema),
  rerun: z.object({
    /** The session's URL had secrets in it (stored redacted): a rerun needs the full URL. */
    needsUrl: z.boolean(),
    /** The last run was sent with a token / these headers, whose values are not kept. */
    token: z.boolean(),
    headerNames: z.array(z.string()),
  }),
});
export type SessionView = z.infer<typeof SessionViewSchema>;
