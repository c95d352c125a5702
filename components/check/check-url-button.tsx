'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { startRun } from './start-run';

/** Starts a run for a known URL (a sample, or the same endpoint again) and opens its page. */
export function CheckUrlButton({
  url,
  label,
  ariaLabel,
}: {
  url: string;
  label: string;
  ariaLabel?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const check = () =>
    startTransition(async () => {
      setError(null);
      const started = await startRun({ url });
      if (started.ok) router.push(`/runs/${started.id}`);
      else setError(started.message);
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={check}
        disabled={pending}
        aria-label={ariaLabel}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:border-slate-400 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? 'Starting…' : label}
      </button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
