import { McpServer } from '@modelcontextprotocol/server';
import type { DoctorContext } from './context';
import { registerDiagnoseEndpoint } from './tools/diagnose-endpoint';
import { registerExplainCheck } from './tools/explain-check';
import { registerGetRun } from './tools/get-run';
import { registerListChecks } from './tools/list-checks';
import { registerListRuns } from './tools/list-runs';
import { registerReportWidget } from './widget/resource';

/** What the model is told about the server as a whole (MCP `InitializeResult.instructions`). */
export const INSTRUCTIONS = [
  'MCP Doctor diagnoses MCP servers: whether ChatGPT, Claude and other MCP clients can connect to one, list and call its tools, render its widgets and sign in, and how to fix what they cannot.',
  'When you build or change an MCP server, call diagnose_endpoint with its URL (a local one such as http://localhost:8787/mcp works when MCP Doctor runs on the same machine).',
  'Read the verdict and the four rows first, then fix the failing checks in order (errors, then warnings); explain_check says why a check matters.',
  'After each fix, call diagnose_endpoint again, and repeat until it reports healthy. list_runs shows whether a change made things better.',
].join(' ');

/**
 * The MCP server, built fresh for each HTTP request (createMcpHandler) or stdio connection
 * (serveStdio) from the context of the transport serving it. The same factory serves both
 * protocol eras.
 */
export function createDoctorServer(context: DoctorContext): McpServer {
  const server = new McpServer(
    {
      name: 'mcp-doctor',
      title: 'MCP Doctor',
      version: context.version,
      ...(context.origin ? { websiteUrl: context.origin } : {}),
    },
    { instructions: INSTRUCTIONS },
  );
  registerReportWidget(server, context.origin);
  registerDiagnoseEndpoint(server, context);
  registerGetRun(server, context);
  registerListRuns(server, context);
  registerExplainCheck(server);
  registerListChecks(server);
  return server;
}
