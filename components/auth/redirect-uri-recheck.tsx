'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startRun } from '@/components/check/start-run';

/**
 * The opt-in `auth.redirect-uri` check on its own: a new run that registers a test client with
 * ChatGPT's redirect URI on the server's authorization server. Never run without this click.
 */
export function RedirectUriRecheck({ url }: { url: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    const started = await startRun({ url, checkRedirectUri: true });
    if (started.ok) return router.push(`/runs/${started.id}`);
    setBusy(false);
    setProblem(started.message);
  };
  return (
    <div className="mt-3 text-sm text-slate-700">
      <button
        type="button"
        onClick={run}
        disabled={busy}
        className="text-sky-700 underline-offset-2 hover:underline disabled:opacity-50"
      >
        {busy
          ? 'Starting…'
          : 'Check without signing in whether registration accepts ChatGPT’s redirect URI'}
      </button>
      <span className="text-slate-500">
        {' '}
        — re-runs the diagnosis and registers a test client on your server.
      </span>
      {problem ? (
        <p role="alert" className="mt-1 text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
