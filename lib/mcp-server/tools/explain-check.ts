import type { McpServer } from '@modelcontextprotocol/server';
import { CHECKS, isCheckId } from '@/lib/checks';
import { explainCheck } from '../check-explanation';
import { CheckExplanationSchema, CheckIdInputSchema } from '../schemas';
import { structured, toolError } from '../tool-result';

/** `explain_check`: one check's title, why a failure matters, its fix and its docs. */
export function registerExplainCheck(server: McpServer): void {
  server.registerTool(
    'explain_check',
    {
      title: 'Explain a check',
      description:
        'Explains one MCP Doctor check by its id (as diagnose_endpoint reports it, e.g. "widgets.mime-type"): what it verifies, why a failure matters to ChatGPT and other clients, how to fix it, and the spec or guide it follows. Use it before changing code for a failing check.',
      inputSchema: CheckIdInputSchema,
      outputSchema: CheckExplanationSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ id }) => {
      const check = isCheckId(id) ? CHECKS.find((c) => c.id === id) : undefined;
      if (!check)
        return toolError(`no check with id "${id.slice(0, 100)}"; list_checks lists every check`);
      const explanation = explainCheck(check);
      const text = [
        `${explanation.id} (${explanation.severity}, row “${explanation.row}”): ${explanation.title}`,
        `Why it matters: ${explanation.whyItMatters}`,
        `Fix: ${explanation.fix}`,
        `Docs: ${explanation.docs}`,
      ].join('\n');
      return structured(`${text}\n`, explanation);
    },
  );
}
