'use client';

import { useState } from 'react';
import type { ToolSafety } from '@/lib/calls/tool-safety';
import type { ToolCall } from '@/lib/report/schema-calls';
import { CallForm } from './call-form';
import { CallResult } from './call-result';

/**
 * "Call" on a tool card: the form generated from the tool's input schema, and the latest call's
 * result (the run's earlier calls of the tool stay listed under it).
 */
export function ToolCallPanel({
  runId,
  tool,
  inputSchema,
  safety,
  credentials,
  calls,
}: {
  runId: string;
  tool: string;
  inputSchema: unknown;
  safety: ToolSafety;
  credentials: { token: boolean; headers: string[] };
  /** This tool's calls in the run, oldest first. */
  calls: ToolCall[];
}) {
  const [made, setMade] = useState<ToolCall[]>([]);
  // After router.refresh() the run's calls include the ones made here: one of each.
  const all = [...calls, ...made.filter((m) => !calls.some((c) => c.id === m.id))];
  const latest = all.at(-1) ?? null;
  const earlier = all.slice(0, -1).reverse();
  return (
    <details
      className="group rounded-md border border-slate-200"
      data-testid={`tool-call-${tool}`}
      open={calls.length > 0 ? true : undefined}
    >
      <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium text-slate-700 hover:text-slate-900">
        Call
        {safety.readOnly ? null : safety.destructive ? (
          <span className="ml-2 rounded-full bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-800 ring-1 ring-inset ring-red-600/30">
            destructive
          </span>
        ) : (
          <span className="ml-2 rounded-full bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-inset ring-amber-600/30">
            may change data
          </span>
        )}
        {all.length ? (
          <span className="ml-2 text-slate-500">
            {all.length} call{all.length === 1 ? '' : 's'}
          </span>
        ) : null}
      </summary>
      <div className="min-w-0 space-y-3 px-2 pb-2">
        <CallForm
          runId={runId}
          tool={tool}
          inputSchema={inputSchema}
          safety={safety}
          credentials={credentials}
          endpoint="calls"
          title="Call this tool"
          submitLabel="Call"
          idleNote={
            safety.readOnly
              ? 'Sends tools/call to your server; the result and its exchanges join the run.'
              : 'Sends tools/call to your server once you confirm.'
          }
          status={latest ? `${latest.id} done: result below` : null}
          onCalled={(call) => setMade((m) => [...m, call])}
        />
        {latest ? <CallResult call={latest} /> : null}
        {earlier.length ? (
          <details className="rounded-md border border-slate-200">
            <summary className="cursor-pointer select-none px-3 py-1.5 text-xs text-slate-700">
              {earlier.length} earlier call{earlier.length === 1 ? '' : 's'}
            </summary>
            <div className="space-y-2 px-2 pb-2">
              {earlier.map((c) => (
                <CallResult key={c.id} call={c} />
              ))}
            </div>
          </details>
        ) : null}
      </div>
    </details>
  );
}
