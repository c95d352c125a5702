'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { z } from 'zod';
import { postJson } from '@/components/session/post-json';
import type { RerunNeeds } from '@/lib/runs/rerun';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

/**
 * One click to make the run again. Credentials were never stored, so when the run was sent with a
 * token, headers or a URL with a secret in it, the form asks for them first.
 */
export function RunRerunForm({
  runId,
  url,
  needs,
}: {
  runId: string;
  url: string;
  needs: RerunNeeds;
}) {
  const ids = useId();
  const router = useRouter();
  const [token, setToken] = useState('');
  const [fullUrl, setFullUrl] = useState('');
  const [headers, setHeaders] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      const filled = Object.entries(headers).filter(([, v]) => v !== '');
      const started = await postJson(
        `/api/runs/${encodeURIComponent(runId)}/rerun`,
        {
          ...(token.trim() ? { token: token.trim() } : {}),
          ...(filled.length ? { headers: Object.fromEntries(filled) } : {}),
          ...(fullUrl.trim() ? { url: fullUrl.trim() } : {}),
        },
        z.object({ id: z.string() }),
      );
      if (!started.ok) {
        setError(started.message);
        return;
      }
      router.push(`/runs/${started.value.id}`);
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Run again">
      {needs.url ? (
        <div>
          <label htmlFor={`${ids}-url`} className="mb-1 block text-sm font-medium text-slate-800">
            Full URL <span className="font-normal text-slate-500">(its secret was not kept)</span>
          </label>
          <input
            id={`${ids}-url`}
            required
            spellCheck={false}
            value={fullUrl}
            onChange={(e) => setFullUrl(e.target.value)}
            placeholder={url}
            className={inputClass}
          />
        </div>
      ) : null}
      {needs.token ? (
        <div>
          <label htmlFor={`${ids}-token`} className="mb-1 block text-sm font-medium text-slate-800">
            Bearer token{' '}
            <span className="font-normal text-slate-500">(sent before; never stored)</span>
          </label>
          <input
            id={`${ids}-token`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className={inputClass}
          />
        </div>
      ) : null}
      {needs.headerNames.map((name) => (
        <div key={name}>
          <label
            htmlFor={`${ids}-h-${name}`}
            className="mb-1 block text-sm font-medium text-slate-800"
          >
            Header <code className="font-mono">{name}</code>{' '}
            <span className="font-normal text-slate-500">(never stored)</span>
          </label>
          <input
            id={`${ids}-h-${name}`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={headers[name] ?? ''}
            onChange={(e) => setHeaders((h) => ({ ...h, [name]: e.target.value }))}
            className={inputClass}
          />
        </div>
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? 'Starting…' : 'Run this check again'}
      </button>
      <p role={error ? 'alert' : 'status'} className="text-sm text-red-700">
        {error ?? ''}
      </p>
    </form>
  );
}
