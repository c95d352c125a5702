'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { startRun } from './start-run';
import { withScheme } from '@/lib/text/with-scheme';

interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

/** The endpoint to check, with optional extra headers and a bearer token. */
export function CheckForm() {
  const router = useRouter();
  const ids = useId();
  const [url, setUrl] = useState('');
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const [token, setToken] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const addRow = () => {
    setRows((current) => [...current, { key: nextKey, name: '', value: '' }]);
    setNextKey((k) => k + 1);
  };
  const editRow = (key: number, patch: Partial<HeaderRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const removeRow = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const filled = rows.filter((row) => row.name.trim() !== '');
    const headers = Object.fromEntries(filled.map((row) => [row.name.trim(), row.value]));
    // `localhost:3000/mcp` is checked as http://localhost:3000/mcp, and the field says so.
    const target = withScheme(url);
    setUrl(target);
    startTransition(async () => {
      setError(null);
      const started = await startRun({
        url: target,
        ...(filled.length ? { headers } : {}),
        ...(token.trim() ? { token: token.trim() } : {}),
        ...(repeat.trim() ? { repeat: repeat.trim() } : {}),
      });
      if (started.ok) router.push(`/runs/${started.id}`);
      else setError(started.message);
    });
  };

  return (
    <form
      aria-label="Check an MCP endpoint"
      onSubmit={submit}
      className="space-y-4"
      aria-describedby={error ? `${ids}-error` : undefined}
    >
      <div>
        <label htmlFor={`${ids}-url`} className="mb-1.5 block text-sm font-medium text-slate-800">
          MCP endpoint URL
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={`${ids}-url`}
            name="url"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
            placeholder="https://example.com/mcp"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            className={inputClass}
          />
          <button
            type="submit"
            disabled={pending}
            className="shrink-0 rounded-md bg-slate-900 px-5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-wait disabled:opacity-60"
          >
            {pending ? 'Starting…' : 'Check'}
          </button>
        </div>
        {withScheme(url) !== url.trim() ? (
          <p className="mt-2 text-sm text-slate-600" data-testid="url-scheme-note">
            No scheme given: <span className="break-all font-mono">{withScheme(url)}</span> will be
            checked.
          </p>
        ) : null}
        {error ? (
          <p id={`${ids}-error`} role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>

      <details className="group rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2">
        <summary className="cursor-pointer select-none text-sm text-slate-700">
          Headers and token, latency samples{' '}
          <span className="text-slate-500">(optional; credentials never stored)</span>
        </summary>
        <div className="mt-3 space-y-3">
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-slate-800">Extra headers</legend>
            {rows.map((row, index) => (
              <div key={row.key} className="flex flex-col gap-2 sm:flex-row">
                <input
                  aria-label={`Header ${index + 1} name`}
                  placeholder="X-Api-Key"
                  spellCheck={false}
                  value={row.name}
                  onChange={(event) => editRow(row.key, { name: event.target.value })}
                  className={`${inputClass} sm:w-56`}
                />
                <input
                  aria-label={`Header ${index + 1} value`}
                  placeholder="value"
                  spellCheck={false}
                  value={row.value}
                  onChange={(event) => editRow(row.key, { value: event.target.value })}
                  className={inputClass}
                />
                <button
                  type="button"
                  onClick={() => removeRow(row.key)}
                  aria-label={`Remove header ${index + 1}`}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-600 hover:bg-slate-100"
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={addRow}
              className="text-sm font-medium text-sky-700 hover:underline"
            >
              + Add header
            </button>
          </fieldset>
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
              placeholder="sent as Authorization: Bearer …"
              value={token}
              onChange={(event) => setToken(event.target.value)}
              className={inputClass}
            />
          </div>
          <div>
            <label
              htmlFor={`${ids}-repeat`}
              className="mb-1 block text-sm font-medium text-slate-800"
            >
              Latency samples{' '}
              <span className="font-normal text-slate-500">
                (repeat initialize and tools/list, 1–20)
              </span>
            </label>
            <input
              id={`${ids}-repeat`}
              type="number"
              min={1}
              max={20}
              inputMode="numeric"
              placeholder="none"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              className={`${inputClass} max-w-32`}
            />
          </div>
        </div>
      </details>
    </form>
  );
}
