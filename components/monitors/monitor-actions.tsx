'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

const button =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60';

/** Pause or resume a monitor, or delete it (its runs stay). */
export function MonitorActions({ id, paused }: { id: string; paused: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const call = (method: 'POST' | 'DELETE', path: string, then: () => void) =>
    startTransition(async () => {
      setError(null);
      const response = await fetch(`/api/monitors/${id}${path}`, { method }).catch(() => null);
      if (response?.ok) return then();
      const body = (await response?.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      setError(body?.error?.message ?? 'Could not reach MCP Doctor.');
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className={button}
        onClick={() => call('POST', paused ? '/resume' : '/pause', () => router.refresh())}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        disabled={pending}
        className={`${button} text-red-800`}
        onClick={() => {
          if (window.confirm('Delete this monitor and its history? Its runs stay.')) {
            call('DELETE', '', () => router.push('/monitors'));
          }
        }}
      >
        Delete
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
