import Link from 'next/link';
import { diffRuns, runDiffIsEmpty, type RunSnapshot } from '@/lib/diagnose/diff';
import type { Session, StoredRun } from '@/lib/store/schema';
import { WatchButton } from '@/components/monitors/watch-button';
import { rerunNeeds } from '@/lib/runs/rerun';
import { StartSessionButton } from '@/components/session/start-session-button';
import { DiffView } from './diff-view';
import { formatWhen } from './when';

/**
 * Under a finished run's verdict and rows: where it sits in the endpoint's history (what changed
 * since the previous run), the sessions it belongs to, and the ways to share it (a session, a watch).
 */
export function RunHistoryPanel({
  run,
  previous,
  current,
  sessions,
}: {
  run: StoredRun;
  previous: RunSnapshot | null;
  current: RunSnapshot | null;
  sessions: Session[];
}) {
  const diff = previous && current ? diffRuns(previous, current) : null;
  return (
    <section
      aria-label="History and sharing"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="run-history"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1 text-sm text-slate-700">
          {run.origin === 'imported' ? (
            <p>
              <span className="mr-2 rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-inset ring-violet-600/30">
                imported
              </span>
              Imported {formatWhen(run.createdAt)}
              {run.importedFrom ? ` (exported as run ${run.importedFrom.slice(0, 40)})` : ''}, and
              judged again by this version’s checks.
            </p>
          ) : null}
          <p>
            <Link
              href={`/history?url=${encodeURIComponent(run.url)}`}
              className="font-medium text-sky-700 underline"
            >
              History of this endpoint
            </Link>
            {sessions.length > 0 ? (
              <>
                {' · In '}
                {sessions.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 ? ', ' : ''}
                    <Link href={`/sessions/${s.id}`} className="text-sky-700 underline">
                      {s.name}
                    </Link>
                  </span>
                ))}
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <StartSessionButton runId={run.id} />
        </div>
        {run.origin === 'probe' ? (
          <WatchButton url={rerunNeeds(run).url ? null : run.url} needs={rerunNeeds(run)} />
        ) : null}
      </div>
      {diff ? (
        <details open={!runDiffIsEmpty(diff)} className="border-t border-slate-100 pt-3">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">
            {runDiffIsEmpty(diff)
              ? `No change since the previous run (${formatWhen(diff.from.startedAt)})`
              : `Changes since the previous run (${formatWhen(diff.from.startedAt)})`}
          </summary>
          <div className="mt-3">
            <DiffView diff={diff} />
          </div>
        </details>
      ) : (
        <p className="border-t border-slate-100 pt-3 text-sm text-slate-600">
          No earlier run of this endpoint to compare with.
        </p>
      )}
    </section>
  );
}
