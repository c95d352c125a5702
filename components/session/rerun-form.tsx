'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { z } from 'zod';
import type { SessionView } from '@/lib/sessions/view-schema';
import { postJson } from './post-json';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

/**
 * Reruns the session's endpoint. Credentials are never stored, so when the last run was sent with
 * a token or headers (or the URL had a secret in it), the form asks for them again.
 */
export function RerunForm({ view, onStarted }: { view: SessionView; onStarted: () => void }) {
  const ids = useId();
  const { rerun, session } = view;
  const [token, setToken] = useState('');
  const [url, setUrl] = useState('');
  const [headers, setHeaders] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const asksCredentials = rerun.token || rerun.headerNames.length > 0 || rerun.needsUrl;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      setMessage(null);
      const filled = Object.entries(headers).filter(([, v]) => v !== '');
      const started = await postJson(
        `/api/sessions/${session.id}/runs`,
        {
          ...(token.trim() ? { token: token.trim() } : {}),
          ...(filled.length ? { headers: Object.fromEntries(filled) } : {}),
          ...(url.trim() ? { url: url.trim() } : {}),
        },
        z.object({ id: z.string() }),
      );
      if (!started.ok) {
        setMessage({ error: true, text: started.message });
        return;
      }
      setToken('');
      setHeaders({});
      setMessage({ error: false, text: 'Run started; it appears below for everyone.' });
      onStarted();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Rerun">
      {rerun.needsUrl ? (
        <div>
          <label htmlFor={`${ids}-url`} className="mb-1 block text-sm font-medium text-slate-800">
            Full URL <span className="font-normal text-slate-500">(its secret is not stored)</span>
          </label>
          <input
            id={`${ids}-url`}
            required
            spellCheck={false}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder={session.url}
            className={inputClass}
          />
        </div>
      ) : null}
      <details
        open={rerun.token || rerun.headerNames.length > 0}
        className="rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2"
      >
        <summary className="cursor-pointer select-none text-sm text-slate-700">
          Credentials <span className="text-slate-500">(used for this run only; never stored)</span>
        </summary>
        <div className="mt-2 space-y-2">
          {rerun.token ? (
            <p className="text-xs text-amber-800">
              The last run was sent with a bearer token. It was not kept: give it again.
            </p>
          ) : null}
          <div>
            <label
              htmlFor={`${ids}-token`}
              className="mb-1 block text-sm font-medium text-slate-800"
            >
              Bearer token
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
          {rerun.headerNames.map((name) => (
            <div key={name}>
              <label
                htmlFor={`${ids}-h-${name}`}
                className="mb-1 block text-sm font-medium text-slate-800"
              >
                Header <code className="font-mono">{name}</code>
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
        </div>
      </details>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? 'Starting…' : 'Rerun now'}
      </button>
      {asksCredentials ? null : (
        <p className="text-xs text-slate-500">Checks {session.url} again, as ChatGPT would.</p>
      )}
      <p
        role={message?.error ? 'alert' : 'status'}
        className={`text-sm ${message?.error ? 'text-red-700' : 'text-slate-700'}`}
      >
        {message?.text ?? ''}
      </p>
    </form>
  );
}
