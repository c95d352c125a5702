import { z } from 'zod';
import { diffRuns, RunDiffSchema } from '@/lib/report/diff';
import { REDACTED } from '@/lib/probe/redact';
import { NoteSchema, RunSummarySchema, SessionSchema } from '@/lib/store/schema';
import type { Store } from '@/lib/store/store';

/** Runs a session page shows: the newest; older ones stay in the endpoint's history. */
export const SESSION_RUNS_SHOWN = 50;

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

const hasRedaction = (url: string) =>
  url.includes(REDACTED) || url.includes(encodeURIComponent(REDACTED));

export async function sessionView(store: Store, id: string): Promise<SessionView | undefined> {
  const session = await store.getSession(id);
  if (!session) return undefined;
  const [entries, notes] = await Promise.all([
    store.sessionRuns(id, SESSION_RUNS_SHOWN),
    store.notes(id),
  ]);
  const finished = entries.flatMap((e) => (e.snapshot ? [e.snapshot] : []));
  const diffs = finished.slice(0, -1).map((newer, i) => diffRuns(finished[i + 1]!, newer));
  const sentWith = entries.find((e) => e.run.sentWith)?.run.sentWith;
  return {
    session,
    runs: entries.map((e) => e.run),
    diffs,
    notes,
    rerun: {
      needsUrl: hasRedaction(session.url),
      token: sentWith?.token ?? false,
      headerNames: sentWith?.headerNames ?? [],
    },
  };
}
