'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { z } from 'zod';
import { postJson } from '@/components/session/post-json';

const CreatedSchema = z.object({ id: z.string(), webhookSecret: z.string().nullable() });

/** Intervals offered; the API takes any whole number of minutes from 1 to 1440. */
const EVERY = [
  [1, 'Every minute'],
  [5, 'Every 5 minutes'],
  [15, 'Every 15 minutes'],
  [60, 'Every hour'],
  [1440, 'Once a day'],
] as const;

const input =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-sky-600';
const label = 'block text-sm font-medium text-slate-800';

/**
 * A new monitor: the URL (given by a run page, or typed), how often, and what each check must
 * send. The run's credentials were never kept, so they are asked for again; they are stored
 * encrypted (MCP_DOCTOR_SECRET_KEY), and the API refuses them, saying why, without a key. The
 * webhook signing secret is shown here once.
 */
export function MonitorForm({
  url: fixedUrl,
  needs = { token: false, headerNames: [] },
}: {
  url?: string;
  needs?: { token: boolean; headerNames: string[] };
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  const submit = (form: FormData) =>
    startTransition(async () => {
      setError(null);
      const text = (name: string) => String(form.get(name) ?? '').trim();
      const headers = Object.fromEntries(
        needs.headerNames
          .map((name) => [name, text(`header:${name}`)] as const)
          .filter(([, v]) => v),
      );
      const webhook = text('webhook');
      const body = {
        url: fixedUrl ?? text('url'),
        everyMinutes: Number(text('every')),
        ...(text('name') ? { name: text('name') } : {}),
        ...(form.get('public') ? { public: true } : {}),
        ...(text('token') ? { token: text('token') } : {}),
        ...(Object.keys(headers).length ? { headers } : {}),
        ...(webhook ? { webhooks: [{ url: webhook }] } : {}),
      };
      const answer = await postJson('/api/monitors', body, CreatedSchema);
      if (!answer.ok) return setError(answer.message);
      if (answer.value.webhookSecret) {
        setCreated({ id: answer.value.id, secret: answer.value.webhookSecret });
      } else {
        router.push(`/monitors/${answer.value.id}`);
      }
    });

  if (created) {
    return (
      <div
        role="status"
        className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
      >
        <p className="font-semibold">
          Monitor created. Its webhook signing secret, shown this once:
        </p>
        <code className="block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
          {created.secret}
        </code>
        <p>
          Keep it where your webhook receiver can read it: it verifies the MCP-Doctor-Signature
          header.
        </p>
        <Link href={`/monitors/${created.id}`} className="font-medium text-sky-700 hover:underline">
          Go to the monitor
        </Link>
      </div>
    );
  }

  return (
    <form
      action={submit}
      className="space-y-3"
      aria-describedby={error ? `${id}-error` : undefined}
    >
      {fixedUrl ? null : (
        <div className="space-y-1">
          <label htmlFor={`${id}-url`} className={label}>
            MCP endpoint URL
          </label>
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            required
            placeholder="https://example.com/mcp"
            className={input}
          />
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-every`} className={label}>
            How often
          </label>
          <select id={`${id}-every`} name="every" defaultValue="5" className={input}>
            {EVERY.map(([minutes, text]) => (
              <option key={minutes} value={minutes}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-name`} className={label}>
            Name <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id={`${id}-name`} name="name" maxLength={100} className={input} />
        </div>
      </div>
      {needs.token || !fixedUrl ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-token`} className={label}>
            Bearer token{' '}
            {needs.token ? (
              '(the run was sent with one)'
            ) : (
              <span className="font-normal text-slate-500">(optional)</span>
            )}
          </label>
          <input
            id={`${id}-token`}
            name="token"
            type="password"
            autoComplete="off"
            required={needs.token}
            className={input}
          />
        </div>
      ) : null}
      {needs.headerNames.map((name) => (
        <div key={name} className="space-y-1">
          <label htmlFor={`${id}-h-${name}`} className={label}>
            Header <code className="font-mono">{name}</code>
          </label>
          <input
            id={`${id}-h-${name}`}
            name={`header:${name}`}
            type="password"
            autoComplete="off"
            className={input}
          />
        </div>
      ))}
      <div className="space-y-1">
        <label htmlFor={`${id}-webhook`} className={label}>
          Alert webhook{' '}
          <span className="font-normal text-slate-500">
            (optional; Slack incoming webhooks are written in Slack’s format)
          </span>
        </label>
        <input
          id={`${id}-webhook`}
          name="webhook"
          type="url"
          placeholder="https://hooks.slack.com/services/…"
          className={input}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="public" className="h-4 w-4" />
        Public badge and status (readable without the team token)
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? 'Creating…' : 'Start watching'}
      </button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
