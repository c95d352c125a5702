import { defineCheck, pass, skip } from '../define';

/** ChatGPT shows a connector with no tools as connected but useless. */
export default defineCheck({
  id: 'tools.nonempty',
  area: 'tools',
  severity: 'error',
  title: 'The server lists at least one tool',
  failureTitle: 'The server lists no tools',
  fix: 'Register your tools on the server before it accepts connections (server.registerTool(...)), then refresh the connector in ChatGPT.',
  docs: 'https://developers.openai.com/apps-sdk/build/mcp-server',
  run(t) {
    if (!t.listing || t.listing.pages.some((p) => p.error))
      return skip('skipped: tools/list did not complete');
    if (t.tools.length === 0) {
      return {
        status: 'fail',
        code: 'no-tools',
        message: 'tools/list returned an empty list.',
        evidence: t.listing.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])),
      };
    }
    return pass(`${t.tools.length} tool${t.tools.length === 1 ? '' : 's'} listed`);
  },
});
