'use client';

import { CallForm as ToolCallForm, type Preview } from '@/components/calls/call-form';
import type { ToolSafety } from '@/lib/calls/tool-safety';
import type { WidgetCall } from '@/lib/report/schema-widgets';
import { collapseRepeatedPrefix } from '@/lib/text/repeated-prefix';

/**
 * "Call and render": the tool-call form (components/calls/call-form.tsx) on the widget card; the
 * real tools/call result feeds the preview.
 */
export function CallForm({
  runId,
  tool,
  toolDescriptor,
  safety,
  credentials,
  lastCall,
  onCalled,
}: {
  runId: string;
  tool: string;
  toolDescriptor: unknown;
  safety: ToolSafety;
  credentials: { token: boolean; headers: string[] };
  lastCall: WidgetCall | null;
  onCalled: (call: WidgetCall, preview: Preview) => void;
}) {
  const inputSchema =
    typeof toolDescriptor === 'object' && toolDescriptor !== null
      ? (toolDescriptor as { inputSchema?: unknown }).inputSchema
      : undefined;
  return (
    <ToolCallForm
      runId={runId}
      tool={tool}
      inputSchema={inputSchema}
      safety={safety}
      credentials={credentials}
      endpoint="widgets/calls"
      title="Call and render"
      submitLabel="Call and render"
      idleNote={
        safety.readOnly
          ? 'Calls tools/call on your server and renders the widget with the result.'
          : 'Calls tools/call on your server once you confirm, and renders the widget with the result.'
      }
      status={lastCall ? <CallSummary call={lastCall} /> : null}
      onCalled={(call, preview) => {
        if (preview) onCalled(call, preview);
      }}
    />
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
