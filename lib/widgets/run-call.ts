import { callForRun as callAnyTool, type CallInput } from '@/lib/calls/run-call';
import type { CallOptions } from '@/lib/probe/call-tool';
import type { ToolCall } from '@/lib/report/schema-calls';
import type { RunRegistry } from '@/lib/runs/registry';

export { CallInputSchema, MAX_CALLS_PER_RUN, type CallInput } from '@/lib/calls/run-call';

export type WidgetCallOutcome =
  | { ok: true; call: ToolCall; preview: { src: string; nonce: string } }
  | Extract<Awaited<ReturnType<typeof callAnyTool>>, { ok: false }>;

/**
 * "Call and render": calls a tool that declares a widget (lib/calls/run-call.ts: a tool not
 * annotated read-only only with `confirm: true`) and answers the preview of its result.
 */
export async function callForRun(
  registry: RunRegistry,
  runId: string,
  input: CallInput,
  options: CallOptions = {},
): Promise<WidgetCallOutcome> {
  const outcome = await callAnyTool(registry, runId, input, { ...options, widgetOnly: true });
  if (!outcome.ok) return outcome;
  if (!outcome.preview)
    return { ok: false, status: 404, code: 'not-found', message: 'the tool declares no widget' };
  return { ok: true, call: outcome.call, preview: outcome.preview };
}
