'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { z } from 'zod';
import { postJson } from './post-json';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

/** Starts a debugging session for an endpoint, with its first run, and opens it. */
export function StartSessionForm() {
  const router = useRouter();
  const ids = useId();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      const created = await postJson(
        '/api/sessions',
        {
          url,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(token.trim() ? { token: token.trim() } : {}),
        },
        z.object({ id: z.string() }),
      );
      if (created.ok) router.push(`/sessions/${created.value.id}`);
      else setError(created.message);
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Start a debugging session">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-url`} className="mb-1 block text-sm font-medium text-slate-800">
            Endpoint to debug
          </label>
          <input
            id={`${ids}-url`}
            required
            inputMode="url"
            spellCheck={false}
            placeholder="https://example.com/mcp"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            className={`${inputClass} font-mono`}
          />
        </div>
        <div>
          <label htmlFor={`${ids}-name`} className="mb-1 block text-sm font-medium text-slate-800">
            Session name <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${ids}-name`}
            maxLength={120}
            placeholder="Tools missing in ChatGPT"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${ids}-token`} className="mb-1 block text-sm font-medium text-slate-800">
          Token for the first run{' '}
          <span className="font-normal text-slate-500">
            (optional; sent as a bearer token, never stored)
          </span>
        </label>
        <input
          id={`${ids}-token`}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className={`${inputClass} font-mono`}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? 'Starting…' : 'Start a debugging session'}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
