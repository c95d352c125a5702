import { z } from 'zod';
import { callTool, type CallOptions } from '@/lib/probe/call-tool';
import { HeadersInputSchema, parseTarget } from '@/lib/probe/target';
import type { Exchange } from '@/lib/report/schema';
import type { WidgetCall } from '@/lib/report/schema-widgets';
import type { RunRegistry } from '@/lib/runs/registry';
import { previewDescriptor } from './preview-token';

/** Calls kept per run: enough to try a widget with several inputs. */
export const MAX_CALLS_PER_RUN = 20;

/** `POST /api/runs/<id>/widgets/calls`: the tool, its arguments, and the credentials the run was made with (never stored). */
export const CallInputSchema = z.strictObject({
  tool: z.string().min(1).max(200),
  arguments: z.record(z.string(), z.unknown()).default({}),
  token: z.string().trim().max(8192).optional(),
  headers: HeadersInputSchema.optional(),
});
export type CallInput = z.infer<typeof CallInputSchema>;

export type CallOutcome =
  | { ok: true; call: WidgetCall; preview: { src: string; nonce: string } }
  | { ok: false; status: 400 | 404; code: 'invalid-input' | 'not-found'; message: string };

/**
 * Calls a widget's tool for the run it was found in, and appends the call and its exchanges to the
 * run's report. Only tools annotated `readOnlyHint: true` are ever called: the dashboard must not
 * change anything on the user's server.
 */
export async function callForRun(
  registry: RunRegistry,
  runId: string,
  input: CallInput,
  options: CallOptions = {},
): Promise<CallOutcome> {
  const report = registry.get(runId)?.report;
  if (!report)
    return {
      ok: false,
      status: 404,
      code: 'not-found',
      message: `no finished run with id "${runId.slice(0, 40)}"`,
    };
  const widget = report.widgets?.widgets.find((w) => w.tool === input.tool);
  if (!widget)
    return {
      ok: false,
      status: 404,
      code: 'not-found',
      message: `no tool named "${input.tool.slice(0, 100)}" declares a widget in this run`,
    };
  if (!widget.readOnlyHint) {
    return {
      ok: false,
      status: 400,
      code: 'invalid-input',
      message: `${widget.tool} is not annotated readOnlyHint: true; MCP Doctor only calls read-only tools`,
    };
  }
  if ((report.widgets?.calls.length ?? 0) >= MAX_CALLS_PER_RUN) {
    return {
      ok: false,
      status: 400,
      code: 'invalid-input',
      message: `this run already has ${MAX_CALLS_PER_RUN} calls; start a new run`,
    };
  }
  if (report.target.credentialsInUrl)
    return {
      ok: false,
      status: 400,
      code: 'invalid-input',
      message: 'the run’s URL has credentials in it; MCP Doctor does not call it',
    };
  const parsed = parseTarget({
    url: report.target.url,
    token: input.token,
    headers: input.headers,
  });
  if (!parsed.ok) return { ok: false, status: 400, code: 'invalid-input', message: parsed.message };

  const { call, exchanges } = await callTool(parsed.target, widget.tool, input.arguments, {
    transport: report.mcp?.transport ?? undefined,
    era: report.mcp?.sessionEra ?? 'legacy',
    ...options,
  });

  const saved: { call: WidgetCall | null } = { call: null };
  registry.update(runId, (run) => {
    if (!run.report?.widgets) return {};
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
    const appended: WidgetCall = {
      ...call,
      id: `call-${run.report.widgets.calls.length + 1}`,
      exchangeIds: call.exchangeIds.map((id) => ids.get(id) ?? id),
    };
    saved.call = appended;
    return {
      report: {
        ...run.report,
        exchanges: [...run.report.exchanges, ...renumbered],
        widgets: { ...run.report.widgets, calls: [...run.report.widgets.calls, appended] },
      },
    };
  });
  if (!saved.call)
    return {
      ok: false,
      status: 404,
      code: 'not-found',
      message: 'the run was dropped from memory while the tool was called',
    };
  return {
    ok: true,
    call: saved.call,
    preview: previewDescriptor({ run: runId, tool: widget.tool, call: saved.call.id }),
  };
}
