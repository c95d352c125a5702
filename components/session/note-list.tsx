import Link from 'next/link';
import type { SessionView } from '@/lib/sessions/view-schema';
import { formatWhen } from '@/components/history/when';
import { NoteBody } from './note-body';

type Note = SessionView['notes'][number];

function About({ note, runs }: { note: Note; runs: SessionView['runs'] }) {
  if (!note.runId) return null;
  const run = runs.find((r) => r.id === note.runId);
  const anchor = note.checkId
    ? `#check-${note.checkId}`
    : note.exchangeId
      ? `#exchange-${note.exchangeId}`
      : '';
  const what = note.checkId
    ? `check ${note.checkId}`
    : note.exchangeId
      ? `exchange ${note.exchangeId}`
      : 'run';
  return (
    <span>
      on{' '}
      <Link href={`/runs/${note.runId}${anchor}`} className="text-sky-700 hover:underline">
        {what}
      </Link>{' '}
      of {run ? `the run of ${formatWhen(run.startedAt)}` : 'a run no longer listed here'}
    </span>
  );
}

/** The session's notes, oldest first, each with who wrote it, when, and what it is about. */
export function NoteList({ view }: { view: SessionView }) {
  if (view.notes.length === 0) {
    return <p className="text-sm text-slate-600">No notes yet.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Notes">
      {view.notes.map((note) => (
        <li
          key={note.id}
          className="rounded-md border border-slate-200 bg-white p-3 shadow-sm"
          data-testid="note"
        >
          <p className="mb-1.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
            <span className="font-semibold text-slate-700">{note.author ?? 'Anonymous'}</span>
            <span>{formatWhen(note.createdAt)}</span>
            <About note={note} runs={view.runs} />
          </p>
          <NoteBody body={note.body} />
        </li>
      ))}
    </ol>
  );
}
