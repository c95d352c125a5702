import { z } from 'zod';
import { callTool, type CallOptions } from '@/lib/probe/call-tool';
import { HeadersInputSchema, parseTarget } from '@/lib/probe/target';
import type { Exchange } from '@/lib/report/schema';
import type { ToolCall } from '@/lib/report/schema-calls';
import type { RunRegistry } from '@/lib/runs/registry';
import { previewDescriptor } from '@/lib/widgets/preview-token';
import { listedTool, runCalls } from './list';
import { checkOutput } from './output-check';
import { confirmationNeeded, toolSafety, widgetToolSafety } from './tool-safety';

/** Calls kept per run: enough to try a tool with several inputs. */
export const MAX_CALLS_PER_RUN = 20;

/**
 * `POST /api/runs/<id>/calls` (and `/widgets/calls`): the tool, its arguments, the credentials the
 * run was made with (never stored), and `confirm: true` for a tool not annotated read-only.
 */
export const CallInputSchema = z.strictObject({
  tool: z.string().min(1).max(200),
  arguments: z.record(z.string(), z.unknown()).default({}),
  token: z.string().trim().max(8192).optional(),
  headers: HeadersInputSchema.optional(),
  confirm: z.boolean().optional(),
});
export type CallInput = z.infer<typeof CallInputSchema>;

export type CallOutcome =
  | { ok: true; call: ToolCall; preview: { src: string; nonce: string } | null }
  | {
      ok: false;
      status: 400 | 404;
      code: 'invalid-input' | 'not-found' | 'confirmation-required';
      message: string;
    };

const refuse = (
  status: 400 | 404,
  code: 'invalid-input' | 'not-found' | 'confirmation-required',
  message: string,
): CallOutcome => ({ ok: false, status, code, message });

/**
 * Calls a tool the run listed, and appends the call (with its `structuredContent` checked against
 * the tool's `outputSchema`) and its exchanges to the run's report. A tool not annotated
 * `readOnlyHint: true` is called only with `confirm: true`. `widgetOnly`: only a tool that declares
 * a widget (the widget card's "Call and render"). The answer carries the widget preview of the
 * result when the tool declares a widget.
 */
export async function callForRun(
  registry: RunRegistry,
  runId: string,
  input: CallInput,
  options: CallOptions & { widgetOnly?: boolean } = {},
): Promise<CallOutcome> {
  const { widgetOnly = false, ...callOptions } = options;
  const report = registry.get(runId)?.report;
  if (!report) return refuse(404, 'not-found', `no finished run with id "${runId.slice(0, 40)}"`);
  const widget = report.widgets?.widgets.find((w) => w.tool === input.tool) ?? null;
  const descriptor = listedTool(report, input.tool);
  if (widgetOnly ? !widget : !descriptor)
    return refuse(
      404,
      'not-found',
      widgetOnly
        ? `no tool named "${input.tool.slice(0, 100)}" declares a widget in this run`
        : `no tool named "${input.tool.slice(0, 100)}" was listed in this run`,
    );
  const safety = widget
    ? widgetToolSafety(descriptor, widget.readOnlyHint)
    : toolSafety(descriptor);
  const refusal = confirmationNeeded(input.tool, safety);
  if (refusal && input.confirm !== true) return refuse(400, 'confirmation-required', refusal);
  if (runCalls(report).length >= MAX_CALLS_PER_RUN)
    return refuse(
      400,
      'invalid-input',
      `this run already has ${MAX_CALLS_PER_RUN} calls; start a new run`,
    );
  if (report.target.credentialsInUrl)
    return refuse(
      400,
      'invalid-input',
      'the run’s URL has credentials in it; MCP Doctor does not call it',
    );
  const parsed = parseTarget({
    url: report.target.url,
    token: input.token,
    headers: input.headers,
  });
  if (!parsed.ok) return refuse(400, 'invalid-input', parsed.message);

  const { call, exchanges } = await callTool(parsed.target, input.tool, input.arguments, {
    transport: report.mcp?.transport ?? undefined,
    era: report.mcp?.sessionEra ?? 'legacy',
    ...callOptions,
  });
  const outputCheck = call.error ? null : checkOutput(descriptor?.outputSchema, call.result);

  const saved: { call: ToolCall | null } = { call: null };
  registry.update(runId, (run) => {
    if (!run.report) return {};
    // Numbered after the run's own exchanges, inside the update so concurrent calls never collide.
    let next =
      Math.max(0, ...run.report.exchanges.map((x) => Number(x.id.replace(/^x/, '')) || 0)) + 1;
    const ids = new Map<string, string>();
    // The call's clock starts at its own zero; on the run's clock it comes after everything else.
    const offset = Math.max(0, Date.parse(call.startedAt) - Date.parse(run.report.startedAt));
    const renumbered: Exchange[] = exchanges.map((x) => {
      const id = `x${next++}`;
      ids.set(x.id, id);
      return { ...x, id, startedAt: x.startedAt + offset };
    });
    const appended: ToolCall = {
      ...call,
      id: `call-${runCalls(run.report).length + 1}`,
      exchangeIds: call.exchangeIds.map((id) => ids.get(id) ?? id),
      outputCheck,
      ...(safety.readOnly ? {} : { confirmed: true }),
    };
    saved.call = appended;
    return {
      report: {
        ...run.report,
        exchanges: [...run.report.exchanges, ...renumbered],
        calls: [...(run.report.calls ?? []), appended],
      },
    };
  });
  if (!saved.call)
    return refuse(404, 'not-found', 'the run was dropped from memory while the tool was called');
  return {
    ok: true,
    call: saved.call,
    preview: widget
      ? previewDescriptor({ run: runId, tool: widget.tool, call: saved.call.id })
      : null,
  };
}
