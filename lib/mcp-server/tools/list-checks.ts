import type { McpServer } from '@modelcontextprotocol/server';
import { CHECKS } from '@/lib/checks';
import { CheckListSchema, ListChecksInputSchema } from '../schemas';
import { structured } from '../tool-result';

/** `list_checks`: the registry, in the rows' order. */
export function registerListChecks(server: McpServer): void {
  server.registerTool(
    'list_checks',
    {
      title: 'List the checks',
      description:
        'Lists every check MCP Doctor runs, in the order of the four rows (connection, tools, widgets, auth), each with its id, severity and title; optionally only one row’s. Pass an id to explain_check for why it matters and how to fix it.',
      inputSchema: ListChecksInputSchema,
      outputSchema: CheckListSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ area }) => {
      const checks = CHECKS.filter((c) => area === undefined || c.area === area).map(
        ({ id, area: row, severity, title }) => ({ id, area: row, severity, title }),
      );
      const text = checks.map((c) => `${c.id}  ${c.severity}  ${c.title}`).join('\n');
      return structured(`${checks.length} checks:\n${text}\n`, { checks });
    },
  );
}
