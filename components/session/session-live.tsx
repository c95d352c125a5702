'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { SessionViewSchema, type SessionView } from '@/lib/sessions/view-schema';
import { DiffView } from '@/components/history/diff-view';
import { RunLine } from '@/components/history/run-list';
import { formatWhen } from '@/components/history/when';
import { NoteForm } from './note-form';
import { NoteList } from './note-list';
import { RerunForm } from './rerun-form';

// Faster while a run is in progress, so its progress and result show up promptly for everyone.
const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 2500;

const count = (n: number | undefined, one: string, many: string) =>
  n ? `${n} ${n === 1 ? one : many}` : null;

async function fetchView(url: string): Promise<SessionView> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      response.status === 404 ? 'This session no longer exists.' : `HTTP ${response.status}`,
    );
  }
  return SessionViewSchema.parse(await response.json());
}

function Card({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A debugging session as everyone with the link sees it: polled from the database, so runs
 * started and notes written by anyone, on any instance of the app, appear without a reload.
 */
export function SessionLive({ initial }: { initial: SessionView }) {
  const { data, error, mutate } = useSWR(`/api/sessions/${initial.session.id}`, fetchView, {
    fallbackData: initial,
    refreshInterval: (latest) =>
      latest?.runs.some((r) => r.state === 'running') ? POLL_RUNNING_MS : POLL_IDLE_MS,
  });
  const view = data;
  const diffOf = new Map(view.diffs.map((d) => [d.to.runId, d]));
  const latestDiff = view.diffs[0];
  const refresh = () => void mutate();

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          Debugging session
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {view.session.name}
        </h1>
        <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
          <span className="break-all font-mono text-slate-700" data-testid="session-url">
            {view.session.url}
          </span>
          <Link
            href={`/history?url=${encodeURIComponent(view.session.url)}`}
            className="text-sky-700 hover:underline"
          >
            All runs of this endpoint
          </Link>
        </p>
        <p className="text-xs text-slate-500">
          Started {formatWhen(view.session.createdAt)} · {view.runs.length} run
          {view.runs.length === 1 ? '' : 's'} · {view.notes.length} note
          {view.notes.length === 1 ? '' : 's'} · everyone with this page’s link sees it update live
        </p>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            Could not refresh: {error.message}
          </p>
        ) : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card id="changes" title="What changed since the previous run">
            {latestDiff ? (
              <DiffView diff={latestDiff} />
            ) : (
              <p className="text-sm text-slate-600">
                Nothing to compare yet: the diff appears when the session has two finished runs.
              </p>
            )}
          </Card>
          <Card id="runs" title="Runs">
            {view.runs.length === 0 ? (
              <p className="text-sm text-slate-600">No runs yet: rerun to start one.</p>
            ) : (
              <ol
                className="divide-y divide-slate-100"
                aria-label="Runs, newest first"
                data-testid="session-runs"
              >
                {view.runs.map((run) => {
                  const diff = diffOf.get(run.id);
                  const tools = diff?.tools;
                  const changes = [
                    count(tools?.added.length, 'tool added', 'tools added'),
                    count(tools?.removed.length, 'tool removed', 'tools removed'),
                    count(tools?.changed.length, 'tool changed', 'tools changed'),
                    count(diff?.checks.length, 'check changed verdict', 'checks changed verdict'),
                  ].filter(Boolean);
                  return (
                    <li key={run.id} className="space-y-1 py-3 first:pt-0 last:pb-0">
                      <RunLine run={run} />
                      {diff ? (
                        <p className="text-xs text-slate-600">
                          Since the run before: {changes.length ? changes.join(', ') : 'no change'}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card id="rerun" title="Rerun">
            <RerunForm view={view} onStarted={refresh} />
          </Card>
          <Card id="notes" title="Notes">
            <div className="space-y-4">
              <NoteList view={view} />
              <NoteForm view={view} onAdded={refresh} />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
