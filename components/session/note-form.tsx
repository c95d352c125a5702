'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import useSWR from 'swr';
import { z } from 'zod';
import { MAX_AUTHOR_CHARS, MAX_NOTE_BYTES } from '@/lib/sessions/input';
import type { SessionView } from '@/lib/sessions/view-schema';
import { formatWhen } from '@/components/history/when';
import { postJson } from './post-json';

const fieldClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

// Only what the form lists of a run: its checks and exchanges.
const RunPartsSchema = z.object({
  report: z
    .object({
      checks: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
      exchanges: z.array(
        z.object({
          id: z.string(),
          rpc: z.object({ method: z.string() }).optional(),
          request: z.object({ method: z.string(), url: z.string() }),
          response: z.object({ status: z.number() }).nullable(),
        }),
      ),
    })
    .optional(),
});

async function fetchParts(url: string) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return RunPartsSchema.parse(await response.json());
}

type About = 'session' | 'check' | 'exchange';

/** A note on the session, or on one check or one exchange of one of its runs. */
export function NoteForm({ view, onAdded }: { view: SessionView; onAdded: () => void }) {
  const ids = useId();
  const finished = view.runs.filter((r) => r.state === 'done');
  const [about, setAbout] = useState<About>('session');
  const [runId, setRunId] = useState('');
  const [target, setTarget] = useState('');
  const [author, setAuthor] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const chosenRun = runId || finished[0]?.id || '';
  const { data: parts } = useSWR(
    about !== 'session' && chosenRun ? `/api/runs/${chosenRun}` : null,
    fetchParts,
    { revalidateOnFocus: false },
  );
  const options =
    about === 'check'
      ? (parts?.report?.checks ?? []).map((c) => ({ id: c.id, label: `${c.id} (${c.status})` }))
      : (parts?.report?.exchanges ?? []).map((x) => ({
          id: x.id,
          label: `${x.id} · ${x.request.method} ${x.rpc?.method ?? x.request.url} → ${x.response?.status ?? 'no answer'}`,
        }));
  const chosenTarget = target || options[0]?.id || '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      const added = await postJson(
        `/api/sessions/${view.session.id}/notes`,
        {
          body,
          ...(author.trim() ? { author: author.trim() } : {}),
          ...(about !== 'session' ? { runId: chosenRun } : {}),
          ...(about === 'check' ? { checkId: chosenTarget } : {}),
          ...(about === 'exchange' ? { exchangeId: chosenTarget } : {}),
        },
        z.object({ note: z.object({ id: z.string() }) }),
      );
      if (!added.ok) {
        setError(added.message);
        return;
      }
      setBody('');
      onAdded();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add a note">
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-about`} className="mb-1 block text-xs font-medium text-slate-700">
            About
          </label>
          <select
            id={`${ids}-about`}
            value={about}
            onChange={(e) => {
              setAbout(e.target.value as About);
              setTarget('');
            }}
            className={fieldClass}
          >
            <option value="session">The session</option>
            <option value="check" disabled={!finished.length}>
              A check of a run
            </option>
            <option value="exchange" disabled={!finished.length}>
              An exchange of a run
            </option>
          </select>
        </div>
        <div>
          <label
            htmlFor={`${ids}-author`}
            className="mb-1 block text-xs font-medium text-slate-700"
          >
            Your name <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${ids}-author`}
            maxLength={MAX_AUTHOR_CHARS}
            value={author}
            onChange={(e) => setAuthor(e.target.value)}
            className={fieldClass}
          />
        </div>
      </div>
      {about !== 'session' ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <label htmlFor={`${ids}-run`} className="mb-1 block text-xs font-medium text-slate-700">
              Run
            </label>
            <select
              id={`${ids}-run`}
              value={chosenRun}
              onChange={(e) => {
                setRunId(e.target.value);
                setTarget('');
              }}
              className={fieldClass}
            >
              {finished.map((r) => (
                <option key={r.id} value={r.id}>
                  {formatWhen(r.startedAt)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label
              htmlFor={`${ids}-target`}
              className="mb-1 block text-xs font-medium text-slate-700"
            >
              {about === 'check' ? 'Check' : 'Exchange'}
            </label>
            <select
              id={`${ids}-target`}
              value={chosenTarget}
              onChange={(e) => setTarget(e.target.value)}
              className={fieldClass}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${ids}-body`} className="mb-1 block text-xs font-medium text-slate-700">
          Note <span className="font-normal text-slate-500">(plain text or Markdown)</span>
        </label>
        <textarea
          id={`${ids}-body`}
          required
          rows={4}
          maxLength={MAX_NOTE_BYTES}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className={fieldClass}
        />
      </div>
      <button
        type="submit"
        disabled={pending || (about !== 'session' && !chosenTarget)}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? 'Adding…' : 'Add note'}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
