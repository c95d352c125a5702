import { ProbeErrorCode } from '@/lib/report/schema-base';
import { plural } from '@/lib/text/plural';
import { findReply } from '@/lib/report/jsonrpc';
import { defineCheck, pass } from '../define';
import { withoutSession } from '../shared/blocked';
import { exchangeById } from '../shared/exchanges';
import {
  describeValue,
  quote,
  toolEntries,
  toolFindingsOutcome,
  type ToolFinding,
} from '../shared/tool-entries';

/** JSON-RPC 2.0 §5.1: the method does not exist / is not available. */
const METHOD_NOT_FOUND = -32601;

/** Tool fields another check judges; what is left of the SDK's `ToolSchema` is judged here. */
const FIELDS_OF_OTHER_CHECKS = new Set([
  'name',
  'description',
  'inputSchema',
  'outputSchema',
  'annotations',
]);

const LIST_FIX =
  'Make tools/list answer { "tools": [...] } without an error; the message shows what the server said instead.';

/**
 * ChatGPT shows the tools that one complete `tools/list` (all its pages) returns; a failing call, a
 * cursor chain that never ends, or a result a client's schema rejects leaves it with none.
 */
export default defineCheck({
  id: 'tools.list',
  area: 'tools',
  severity: 'error',
  title: 'tools/list returns a complete, well-formed list',
  failureTitle: 'tools/list does not return a usable list',
  fix: LIST_FIX,
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#listing-tools',
  codes: [
    'method-not-found',
    'list-timeout',
    'list-failed',
    'cursor-loop',
    'listing-unbounded',
    'malformed-tools',
  ],
  run(t) {
    const listing = t.listing;
    if (!listing) return withoutSession(t, 'tools/list was not sent');

    const failedAt = listing.pages.findIndex((p) => p.error);
    const failed = listing.pages[failedAt];
    if (failed?.error) {
      const request = exchangeById(t, failed.exchangeId);
      const rpcError = request ? findReply(t.exchanges, request)?.error : undefined;
      const where =
        failedAt === 0 ? '' : ` on page ${failedAt + 1} (cursor ${quote(failed.cursor ?? '')})`;
      const said = rpcError
        ? `JSON-RPC error ${String(rpcError.code)} ${quote(String(rpcError.message), 200)}`
        : failed.error.message;
      const notFound = rpcError?.code === METHOD_NOT_FOUND;
      const timedOut = !rpcError && failed.error.code === ProbeErrorCode.Timeout;
      return {
        status: 'fail',
        code: notFound ? 'method-not-found' : timedOut ? 'list-timeout' : 'list-failed',
        message: `tools/list failed${where}: ${said}`,
        evidence: failed.exchangeId ? [failed.exchangeId] : [],
        fix: notFound
          ? 'The server has no tools/list handler. With the SDK’s McpServer, register at least one tool before connect() (that installs the handler); with the low-level Server, call setRequestHandler(ListToolsRequestSchema, …) and declare capabilities: { tools: {} }.'
          : timedOut
            ? 'Answer tools/list quickly: build the list once at startup instead of per request, and page a long list with nextCursor. ChatGPT gives up on slow servers.'
            : LIST_FIX,
      };
    }

    if (listing.stoppedEarly) {
      const last = listing.pages[listing.pages.length - 1];
      const repeated = last?.nextCursor ?? null;
      const looped = repeated !== null && listing.pages.some((p) => p.cursor === repeated);
      return {
        status: 'fail',
        code: looped ? 'cursor-loop' : 'listing-unbounded',
        message: `tools/list did not finish after ${plural(listing.pages.length, 'page')} and ${plural(t.tools.length, 'tool')}: ${listing.stoppedEarly}`,
        evidence: listing.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])),
        fix: looped
          ? 'Return a new nextCursor for each page and none on the last page: the server sent back a cursor it had already sent, so a client pages forever.'
          : 'End the list: omit nextCursor on the last page, and keep the tool list to a size a model can choose from.',
      };
    }

    const entries = toolEntries(t);
    const findings: ToolFinding<'malformed-tools'>[] = [];
    for (const entry of entries) {
      if (!entry.fields) {
        findings.push({
          entry,
          code: 'malformed-tools',
          severity: 'error',
          detail: `is ${describeValue(entry.raw)}, not a tool object`,
        });
        continue;
      }
      const issues = entry.issues.filter(
        (i) => i.field !== null && !FIELDS_OF_OTHER_CHECKS.has(i.field),
      );
      if (issues.length) {
        const detail = issues
          .slice(0, 5)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ');
        findings.push({ entry, code: 'malformed-tools', severity: 'error', detail });
      }
    }
    if (findings.length) {
      return toolFindingsOutcome(findings, entries.length, {
        codes: ['malformed-tools'],
        verb: {
          one: 'does not match the MCP Tool schema',
          many: 'do not match the MCP Tool schema',
        },
        fix: () =>
          'Fix the fields named for each tool (MCP schema, Tool). Clients built on the MCP SDK reject the whole tools/list result when one tool is malformed, so none of your tools shows.',
      });
    }

    const pages = listing.pages.length;
    return pass(
      `tools/list returned ${plural(t.tools.length, 'tool')} in ${plural(pages, 'page')}`,
    );
  },
});
