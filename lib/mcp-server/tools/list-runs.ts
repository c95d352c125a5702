import type { McpServer } from '@modelcontextprotocol/server';
import { Redactor } from '@/lib/probe/redact';
import { TargetUrlSchema } from '@/lib/probe/target';
import { StoreError } from '@/lib/store/errors';
import type { DoctorContext } from '../context';
import { ListRunsInputSchema, RunListSchema } from '../schemas';
import { structured, toolError } from '../tool-result';

/** Runs listed when the caller does not say: the last few fixes, at a glance. */
const DEFAULT_LIMIT = 10;

/** `list_runs`: an endpoint's earlier diagnoses, newest first, as `GET /api/runs?url=` lists them. */
export function registerListRuns(server: McpServer, context: DoctorContext): void {
  server.registerTool(
    'list_runs',
    {
      title: 'List earlier diagnoses of an endpoint',
      description:
        'Lists the earlier diagnoses of one MCP endpoint, newest first, each with its status, the result of each row and the number of problems, to see whether a change made things better or worse. Pass a run id to get_run for its details.',
      inputSchema: ListRunsInputSchema,
      outputSchema: RunListSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ url, limit }) => {
      const parsed = TargetUrlSchema.safeParse(url);
      if (!parsed.success) return toolError(parsed.error.issues[0]?.message ?? 'url is not valid');
      // Runs are saved under the URL as shown (secret query parameters and credentials redacted),
      // which is also the only form of it this answer may echo.
      const endpoint = new Redactor().url(parsed.data.href);
      try {
        const runs = await context.archive.history(endpoint, limit ?? DEFAULT_LIMIT);
        const lines = runs.map(
          (run) =>
            `${run.createdAt}  ${run.id}  ${run.status ?? run.state}  ${run.rows.map((r) => `${r.id}:${r.status}`).join(' ')}${run.problems === null ? '' : `  ${run.problems} problems`}`,
        );
        const text = runs.length
          ? `${runs.length} runs of ${endpoint}, newest first:\n${lines.join('\n')}\n`
          : `No runs of ${endpoint} yet: call diagnose_endpoint.\n`;
        return structured(text, { url: endpoint, runs });
      } catch (error) {
        if (error instanceof StoreError) return toolError(`${error.code}: ${error.message}`);
        throw error;
      }
    },
  );
}
