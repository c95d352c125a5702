'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { WidgetCallSchema, type WidgetCall } from '@/lib/report/schema-widgets';
import { argumentsFrom, formFields, type FormValues } from '@/lib/widgets/schema-form';
import { collapseRepeatedPrefix } from '@/lib/text/repeated-prefix';

const CallResponseSchema = z.object({
  call: WidgetCallSchema,
  preview: z.object({ src: z.string(), nonce: z.string() }),
});
const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const inputClass =
  'w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500';

/** "Call and render": a form generated from the tool's input schema; the real tools/call result feeds the preview. */
export function CallForm({
  runId,
  tool,
  toolDescriptor,
  credentials,
  lastCall,
  onCalled,
}: {
  runId: string;
  tool: string;
  toolDescriptor: unknown;
  credentials: { token: boolean; headers: string[] };
  lastCall: WidgetCall | null;
  onCalled: (call: WidgetCall, preview: { src: string; nonce: string }) => void;
}) {
  const router = useRouter();
  const schema =
    typeof toolDescriptor === 'object' && toolDescriptor !== null
      ? (toolDescriptor as { inputSchema?: unknown }).inputSchema
      : undefined;
  const fields = useMemo(() => formFields(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries((fields ?? []).map((f) => [f.name, f.initial])),
  );
  const [freeform, setFreeform] = useState('{}');
  const [token, setToken] = useState('');
  const [headers, setHeaders] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const args = argumentsFrom(fields, values, freeform);
    if (!args.ok) return setProblem(args.message);
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/runs/${encodeURIComponent(runId)}/widgets/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tool,
          arguments: args.arguments,
          ...(token ? { token } : {}),
          ...(Object.keys(headers).length ? { headers } : {}),
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
      className="space-y-2 rounded-lg border border-slate-200 bg-slate-50/60 p-3"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Call and render
      </p>
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
          const id = `call-${tool}-${field.name}`;
          const value = values[field.name] ?? field.initial;
          return (
            <div key={field.name} className="text-sm">
              <label htmlFor={id} className="font-mono text-xs text-slate-700">
                {field.name}
                {field.required ? <span className="text-red-700"> *</span> : null}
              </label>
              {field.kind === 'boolean' ? (
                <input
                  id={id}
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => setValues({ ...values, [field.name]: e.target.checked })}
                  className="ml-2 align-middle"
                />
              ) : field.kind === 'enum' ? (
                <select
                  id={id}
                  value={String(value)}
                  onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
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
                  onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
                  className={`${inputClass} font-mono`}
                  placeholder="JSON"
                />
              ) : (
                <input
                  id={id}
                  type={field.kind === 'string' ? 'text' : 'number'}
                  step={field.kind === 'integer' ? 1 : 'any'}
                  value={String(value)}
                  onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
                  className={inputClass}
                />
              )}
              {field.description ? (
                <p className="text-xs text-slate-500">{field.description}</p>
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
          <span className="font-mono text-xs text-slate-700">{name}</span>
          <input
            type="password"
            autoComplete="off"
            value={headers[name] ?? ''}
            onChange={(e) => setHeaders({ ...headers, [name]: e.target.value })}
            className={inputClass}
          />
        </label>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        >
          {busy ? 'Calling…' : 'Call and render'}
        </button>
        <span role="status" className="text-xs text-slate-600" data-testid="call-status">
          {problem ? (
            <span className="text-red-700">{problem}</span>
          ) : lastCall ? (
            <CallSummary call={lastCall} />
          ) : (
            'Calls tools/call on your server; only read-only tools are offered.'
          )}
        </span>
      </div>
    </form>
  );
}

function CallSummary({ call }: { call: WidgetCall }) {
  if (call.error)
    return (
      <span className="text-red-700">{`${call.id} failed: ${collapseRepeatedPrefix(call.error.message)}`}</span>
    );
  const isError =
    typeof call.result === 'object' &&
    call.result !== null &&
    (call.result as { isError?: unknown }).isError === true;
  return (
    <span>
      {call.id}: {isError ? 'the tool answered isError: true' : 'answered'} in{' '}
      {Math.round(call.durationMs)} ms ·{' '}
      {call.exchangeIds.map((id) => (
        <a
          key={id}
          href={`#exchange-${id}`}
          className="mr-1 rounded bg-slate-100 px-1 font-mono hover:bg-slate-200"
        >
          {id}
        </a>
      ))}
    </span>
  );
}
