import { plural } from '@/lib/text/plural';
import { defineCheck, pass } from '../define';
import { listingComplete, withoutListing } from '../shared/blocked';

/** ChatGPT shows a connector with no tools as connected but useless. */
export default defineCheck({
  id: 'tools.nonempty',
  area: 'tools',
  severity: 'error',
  title: 'The server lists at least one tool',
  failureTitle: 'The server lists no tools',
  fix: 'Register your tools on the server before it accepts connections (server.registerTool(...)), then refresh the connector in ChatGPT.',
  docs: 'https://developers.openai.com/apps-sdk/build/mcp-server',
  codes: ['no-tools'],
  run(t) {
    if (!t.listing || !listingComplete(t)) return withoutListing(t);
    if (t.tools.length === 0) {
      return {
        status: 'fail',
        code: 'no-tools',
        message: 'tools/list returned an empty list.',
        evidence: t.listing.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])),
      };
    }
    return pass(`${plural(t.tools.length, 'tool')} listed`);
  },
});
