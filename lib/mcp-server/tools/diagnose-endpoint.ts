import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import { parseCheckInput, type ParsedCheck } from '@/lib/api/check-input';
import { CI_OPTION_NAMES } from '@/lib/diagnose/options';
import { textSummary } from '@/lib/report/text-summary';
import { startRun } from '@/lib/runs/start';
import { StoreError } from '@/lib/store/errors';
import type { DoctorContext } from '../context';
import { diagnosisOf } from '../diagnosis';
import { observeSteps } from '../progress';
import { DiagnoseInputSchema, DiagnosisSchema, type DiagnoseInput } from '../schemas';
import { structured, toolError } from '../tool-result';
import { REPORT_WIDGET_URI } from '../widget/resource';

export const DIAGNOSE_ENDPOINT = 'diagnose_endpoint';

/**
 * `client` is a CI option once client profiles are wired into the diagnosis (issue 13); until
 * lib/diagnose/options.ts knows it, asking for one is an error rather than silently ignored.
 */
const CLIENT_OPTION = (CI_OPTION_NAMES as readonly string[]).includes('client');

/** The tool's arguments through the HTTP API's own parser: the same refusals in the same words. */
export function parseDiagnoseInput({ client, ...rest }: DiagnoseInput): ParsedCheck {
  if (client !== undefined && !CLIENT_OPTION) {
    return {
      ok: false,
      message:
        'client profiles are not available in this version: leave out "client" to diagnose for every client',
    };
  }
  return parseCheckInput({ ...rest, ...(client !== undefined ? { client } : {}) });
}

/** `notifications/progress` per probe step, when the caller asked for progress (it sent a token). */
function progressReporter(ctx: ServerContext) {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  if (progressToken === undefined) return null;
  return (message: string, progress: number, total: number) =>
    ctx.mcpReq
      .notify({
        method: 'notifications/progress',
        params: { progressToken, progress, total, message },
      })
      // A client that went away misses its progress; the diagnosis and its saved run go on.
      .catch(() => {});
}

/**
 * The one tool that dials out. It runs the same diagnosis as `POST /api/runs` (startRun →
 * runHealthCheck), within the same admission limits and address policy, saves the run, and answers
 * the terminal summary as text and the verdict, rows and failing checks as structuredContent, which
 * the report widget renders.
 */
export function registerDiagnoseEndpoint(server: McpServer, context: DoctorContext): void {
  server.registerTool(
    DIAGNOSE_ENDPOINT,
    {
      title: 'Diagnose an MCP endpoint',
      description:
        'Connects to an MCP server endpoint the way ChatGPT, Claude and other MCP clients do, and says why a client cannot use it and how to fix it: reachability and TLS, the MCP handshake, the tool list and its schemas, widget templates, and OAuth sign-in. Returns the verdict, the four rows of ChatGPT’s connection-issues table (connection, tools, widgets, auth), every failing check with its fix, and a permalink. Use it after each change to an MCP server you are building, and again after each fix, until it reports healthy. Takes a few seconds, at most timeoutMs.',
      inputSchema: DiagnoseInputSchema,
      outputSchema: DiagnosisSchema,
      // Reads only: initialize, tools/list, resources/read and OAuth discovery GETs on the endpoint;
      // the saved run is MCP Doctor's own record of that read. It dials whatever URL it is given.
      annotations: { readOnlyHint: true, openWorldHint: true },
      _meta: {
        ui: { resourceUri: REPORT_WIDGET_URI },
        'openai/outputTemplate': REPORT_WIDGET_URI,
        'openai/toolInvocation/invoking': 'Diagnosing the MCP endpoint…',
        'openai/toolInvocation/invoked': 'Diagnosis ready',
      },
    },
    async (input, ctx) => {
      const parsed = parseDiagnoseInput(input);
      if (!parsed.ok) return toolError(`Invalid arguments: ${parsed.message}`);
      const ticket = context.admit(ctx.http?.req);
      if (!ticket.ok) return toolError(`${ticket.error.code}: ${ticket.error.message}`);
      try {
        const progress = progressReporter(ctx);
        const registry = progress
          ? observeSteps(context.archive.registry, (step, done, total) =>
              progress(`${step.id}: ${step.summary}`, done, total),
            )
          : context.archive.registry;
        const started = startRun(registry, parsed.target, parsed.options);
        await started.saved;
        await started.done;
        const run = await context.archive.load(started.run.id);
        if (!run?.report) {
          return toolError(
            run?.error?.message ?? `run ${started.run.id} ended without a report (${run?.state})`,
          );
        }
        const permalink = context.archive.permalink(run.id);
        const text = textSummary(run.report, { color: false });
        return structured(
          permalink ? `${text}\nFull report: ${permalink}\n` : text,
          diagnosisOf(run.report, { id: run.id, permalink }),
        );
      } catch (error) {
        if (error instanceof StoreError) return toolError(`${error.code}: ${error.message}`);
        throw error;
      } finally {
        ticket.release();
      }
    },
  );
}
