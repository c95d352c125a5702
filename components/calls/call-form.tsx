'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import type { ToolSafety } from '@/lib/calls/tool-safety';
import { ToolCallSchema, type ToolCall } from '@/lib/report/schema-calls';
import { argumentsFrom, formFields, type FormValues } from '@/lib/widgets/schema-form';

const CallResponseSchema = z.object({
  call: ToolCallSchema,
  preview: z.object({ src: z.string(), nonce: z.string() }).nullable(),
});
const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type Preview = { src: string; nonce: string };

const inputClass =
  'w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500';

/**
 * A `tools/call` form generated from the tool's input schema (lib/widgets/schema-form.ts): typed
 * inputs, the run's credentials (never stored), and for a tool not annotated read-only a
 * confirmation without which the button stays disabled. `endpoint`: `calls` (any tool) or
 * `widgets/calls` (the widget card's "Call and render").
 */
export function CallForm({
  runId,
  tool,
  inputSchema,
  safety,
  credentials,
  endpoint,
  title,
  submitLabel,
  idleNote,
  status,
  onCalled,
}: {
  runId: string;
  tool: string;
  inputSchema: unknown;
  safety: ToolSafety;
  credentials: { token: boolean; headers: string[] };
  endpoint: 'calls' | 'widgets/calls';
  title: string;
  submitLabel: string;
  idleNote: string;
  /** What the last call did, shown next to the button. */
  status: ReactNode;
  onCalled: (call: ToolCall, preview: Preview | null) => void;
}) {
  const router = useRouter();
  const idBase = useId();
  const fields = useMemo(() => formFields(inputSchema), [inputSchema]);
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries((fields ?? []).map((f) => [f.name, f.initial])),
  );
  const [freeform, setFreeform] = useState('{}');
  const [token, setToken] = useState('');
  const [headers, setHeaders] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const needsConfirmation = !safety.readOnly;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (needsConfirmation && !confirmed)
      return setProblem('Confirm first: this tool may change data on your server.');
    const args = argumentsFrom(fields, values, freeform);
    if (!args.ok) return setProblem(args.message);
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/runs/${encodeURIComponent(runId)}/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tool,
          arguments: args.arguments,
          ...(token ? { token } : {}),
          ...(Object.keys(headers).length ? { headers } : {}),
          ...(needsConfirmation ? { confirm: confirmed } : {}),
        }),
      });
      const body: unknown = await response.json().catch(() => null);
      const ok = CallResponseSchema.safeParse(body);
      if (!response.ok || !ok.success) {
        const error = ApiErrorSchema.safeParse(body);
        setProblem(
          error.success ? error.data.error.message : `The call failed (HTTP ${response.status}).`,
        );
        return;
      }
      onCalled(ok.data.call, ok.data.preview);
      // The run now holds the call's exchanges: re-render the raw log with them.
      router.refresh();
    } catch (error) {
      setProblem(`The call could not be sent: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      data-testid={`call-form-${tool}`}
      className="min-w-0 space-y-2 rounded-lg border border-slate-200 bg-slate-50/60 p-3"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</p>
      {fields === null ? (
        <label className="block text-sm">
          <span className="text-slate-700">Arguments (JSON object)</span>
          <textarea
            value={freeform}
            onChange={(e) => setFreeform(e.target.value)}
            rows={3}
            className={`${inputClass} font-mono`}
          />
        </label>
      ) : fields.length === 0 ? (
        <p className="text-sm text-slate-600">This tool takes no arguments.</p>
      ) : (
        fields.map((field) => {
          const id = `${idBase}-${field.name}`;
          const value = values[field.name] ?? field.initial;
          const set = (v: string | boolean) => setValues({ ...values, [field.name]: v });
          return (
            <div key={field.name} className="min-w-0 text-sm">
              <label htmlFor={id} className="break-all font-mono text-xs text-slate-700">
                {field.name}
                {field.required ? <span className="text-red-700"> *</span> : null}
              </label>
              {field.kind === 'boolean' ? (
                <input
                  id={id}
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => set(e.target.checked)}
                  className="ml-2 align-middle"
                />
              ) : field.kind === 'enum' ? (
                <select
                  id={id}
                  value={String(value)}
                  onChange={(e) => set(e.target.value)}
                  className={inputClass}
                >
                  {field.required ? null : <option value="">—</option>}
                  {field.options.map((o) => (
                    <option key={String(o)} value={String(o)}>
                      {String(o)}
                    </option>
                  ))}
                </select>
              ) : field.kind === 'json' ? (
                <textarea
                  id={id}
                  rows={2}
                  value={String(value)}
                  onChange={(e) => set(e.target.value)}
                  className={`${inputClass} font-mono`}
                  placeholder="JSON"
                />
              ) : (
                <input
                  id={id}
                  type={field.kind === 'string' ? 'text' : 'number'}
                  step={field.kind === 'integer' ? 1 : 'any'}
                  value={String(value)}
                  onChange={(e) => set(e.target.value)}
                  className={inputClass}
                />
              )}
              {field.description ? (
                <p className="break-words text-xs text-slate-600">{field.description}</p>
              ) : null}
            </div>
          );
        })
      )}
      {credentials.token ? (
        <label className="block text-sm">
          <span className="text-xs text-slate-700">
            Bearer token (the run used one; it is not stored)
          </span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className={inputClass}
          />
        </label>
      ) : null}
      {credentials.headers.map((name) => (
        <label key={name} className="block text-sm">
          <span className="break-all font-mono text-xs text-slate-700">{name}</span>
          <input
            type="password"
            autoComplete="off"
            value={headers[name] ?? ''}
            onChange={(e) => setHeaders({ ...headers, [name]: e.target.value })}
            className={inputClass}
          />
        </label>
      ))}
      {needsConfirmation ? (
        <div className="space-y-2">
          {safety.destructive ? (
            <p
              data-testid={`destructive-note-${tool}`}
              className="rounded-md border border-red-300 bg-red-50 px-2 py-1.5 text-xs text-red-800"
            >
              <strong>Destructive:</strong> <span className="font-mono">{tool}</span>{' '}
              {safety.destructive === 'annotated' ? (
                <>
                  is annotated <span className="font-mono">destructiveHint: true</span>: it may
                  delete or overwrite data.
                </>
              ) : (
                <>
                  is not annotated <span className="font-mono">readOnlyHint: true</span> or{' '}
                  <span className="font-mono">destructiveHint: false</span>, so clients must assume
                  it may delete or overwrite data.
                </>
              )}{' '}
              Calling it runs it for real on your server.
            </p>
          ) : (
            <p className="text-xs text-slate-700">
              <span className="font-mono">{tool}</span> is not annotated{' '}
              <span className="font-mono">readOnlyHint: true</span>: calling it may change data on
              your server.
            </p>
          )}
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              className="mt-0.5"
            />
            <span>I understand this may change data on my server</span>
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy || (needsConfirmation && !confirmed)}
          className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${
            safety.destructive ? 'bg-red-700 hover:bg-red-800' : 'bg-slate-900 hover:bg-slate-700'
          }`}
        >
          {busy ? 'Calling…' : submitLabel}
        </button>
        <span
          role="status"
          className="min-w-0 break-words text-xs text-slate-600"
          data-testid="call-status"
        >
          {problem ? <span className="text-red-700">{problem}</span> : (status ?? idleNote)}
        </span>
      </div>
    </form>
  );
}
