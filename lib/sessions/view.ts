import { diffRuns } from '@/lib/diagnose/diff';
import { rerunNeeds } from '@/lib/runs/rerun';
import type { Store } from '@/lib/store/store';
import type { SessionView } from './view-schema';

/** Runs a session page shows: the newest; older ones stay in the endpoint's history. */
export const SESSION_RUNS_SHOWN = 50;

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
      needsUrl: rerunNeeds(session).url,
      token: sentWith?.token ?? false,
      headerNames: sentWith?.headerNames ?? [],
    },
  };
}
