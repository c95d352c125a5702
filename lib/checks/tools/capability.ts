import { plural } from '@/lib/text/plural';
import { isRecord } from '@/lib/json/is-record';
import { defineCheck, pass } from '../define';
import { withoutSession } from '../shared/blocked';
import { openingResult } from '../shared/era';
import { describeValue } from '../shared/tool-entries';

/** A client only asks for tools when the server declares the capability (MCP lifecycle, "Capability Negotiation"). */
export default defineCheck({
  id: 'tools.capability',
  area: 'tools',
  severity: 'error',
  title: 'The server declares the tools capability',
  failureTitle: 'The server does not declare the tools capability',
  fix: 'Declare it in the initialize result: capabilities: { tools: { listChanged: false } }. The SDK’s McpServer does this when a tool is registered before connect(); the low-level Server takes it in its options: new Server(info, { capabilities: { tools: {} } }).',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#capabilities',
  codes: ['no-capabilities', 'missing-tools-capability', 'invalid-tools-capability'],
  run(t) {
    // The 2025 InitializeResult, or in a 2026-07-28-only run the DiscoverResult: both carry them.
    const { result, exchangeId } = openingResult(t);
    if (result === null || result === undefined)
      return withoutSession(t, 'there is no initialize result to read');
    const evidence = exchangeId ? [exchangeId] : [];
    const what = t.mcp?.sessionEra === 'modern' ? 'server/discover result' : 'initialize result';
    const listed =
      t.tools.length > 0 ? ` (yet tools/list returned ${plural(t.tools.length, 'tool')})` : '';
    const capabilities = isRecord(result) ? result.capabilities : undefined;
    if (!isRecord(capabilities)) {
      return {
        status: 'fail',
        code: 'no-capabilities',
        message: `The ${what} has no capabilities object (capabilities is ${describeValue(capabilities)})${listed}.`,
        evidence,
      };
    }
    const tools = capabilities.tools;
    if (tools === undefined) {
      const declared = Object.keys(capabilities);
      const others = declared.length
        ? `it declares ${declared.slice(0, 8).join(', ')}`
        : 'capabilities is empty';
      return {
        status: 'fail',
        code: 'missing-tools-capability',
        message: `capabilities has no tools entry: ${others}${listed}.`,
        evidence,
      };
    }
    if (!isRecord(tools)) {
      return {
        status: 'fail',
        code: 'invalid-tools-capability',
        message: `capabilities.tools is ${describeValue(tools)}, not an object${listed}.`,
        fix: 'Declare the capability as an object: capabilities: { tools: {} } or { tools: { listChanged: true } }.',
        evidence,
      };
    }
    const listChanged = tools.listChanged === true ? ' with listChanged: true' : '';
    return pass(`capabilities.tools is declared${listChanged}`);
  },
});
