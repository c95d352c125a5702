import type { McpServer } from '@modelcontextprotocol/server';
import { textSummary } from '@/lib/report/text-summary';
import { RunIdSchema } from '@/lib/runs/schema';
import type { DoctorContext } from '../context';
import { diagnosisOf } from '../diagnosis';
import { RunIdInputSchema, RunOutputSchema, type RunOutput } from '../schemas';
import { structured, toolError } from '../tool-result';

/** `get_run`: a saved run by id, as `GET /api/runs/<id>` has it, in the diagnosis's shape. */
export function registerGetRun(server: McpServer, context: DoctorContext): void {
  server.registerTool(
    'get_run',
    {
      title: 'Get a saved diagnosis',
      description:
        'Returns a diagnosis by its run id (from diagnose_endpoint or list_runs): its state, the steps recorded so far and, once it is done, the same verdict, rows, failing checks and permalink that diagnose_endpoint returns. Use it to read a run again, or one a teammate made on the dashboard.',
      inputSchema: RunIdInputSchema,
      outputSchema: RunOutputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ id }) => {
      if (!RunIdSchema.safeParse(id).success)
        return toolError(
          `"${id.slice(0, 40)}" is not a run id (22 characters of A–Z, a–z, 0–9, - and _)`,
        );
      const run = await context.archive.load(id);
      if (!run) return toolError(`no run with id ${id}`);
      const permalink = context.archive.permalink(run.id);
      const output: RunOutput = {
        id: run.id,
        url: run.url,
        createdAt: run.createdAt,
        state: run.state,
        permalink,
        steps: run.steps.map(({ id: step, status, summary }) => ({ id: step, status, summary })),
        diagnosis: run.report ? diagnosisOf(run.report, { id: run.id, permalink }) : null,
        error: run.error ?? null,
      };
      const text = run.report
        ? textSummary(run.report, { color: false })
        : `Run ${run.id} of ${run.url} is ${run.state}${run.error ? `: ${run.error.message}` : ''} (${run.steps.length} steps recorded).\n`;
      return structured(text, output);
    },
  );
}
