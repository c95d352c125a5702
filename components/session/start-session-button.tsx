'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { z } from 'zod';
import { postJson } from './post-json';

/** On a run page: a session for this endpoint that starts with this run. */
export function StartSessionButton({ runId }: { runId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const start = () =>
    startTransition(async () => {
      setError(null);
      const created = await postJson('/api/sessions', { runId }, z.object({ id: z.string() }));
      if (created.ok) router.push(`/sessions/${created.value.id}`);
      else setError(created.message);
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={start}
        disabled={pending}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? 'Starting…' : 'Start a debugging session'}
      </button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
