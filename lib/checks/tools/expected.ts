import { plural } from '@/lib/text/plural';
import { defineCheck, notApplicable, pass } from '../define';
import { listingComplete, withoutListing } from '../shared/blocked';
import { listLabels, toolEntries } from '../shared/tool-entries';

/**
 * A CI job's own expectation (`expectTools`, `--expect-tools`): the tools it relies on are listed.
 * A deploy that drops a tool (a failed import, a feature flag) otherwise passes every other check.
 */
export default defineCheck({
  id: 'tools.expected',
  area: 'tools',
  severity: 'error',
  title: 'Every expected tool is listed',
  failureTitle: 'An expected tool is missing',
  fix: 'Register the missing tools on the server (or update the expected list if they were renamed on purpose), then refresh the connector in ChatGPT.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#listing-tools',
  codes: ['missing-tool'],
  run(t) {
    const expected = t.request?.expectTools ?? [];
    if (expected.length === 0) return notApplicable('skipped: no expected tools were given');
    if (!listingComplete(t)) return withoutListing(t, 'the tool list is incomplete');
    const listed = new Set(toolEntries(t).flatMap((e) => (e.name === null ? [] : [e.name])));
    const missing = expected.filter((name) => !listed.has(name));
    if (missing.length === 0) {
      return pass(
        `All ${plural(expected.length, 'expected tool is', 'expected tools are')} listed.`,
      );
    }
    return {
      status: 'fail',
      code: 'missing-tool',
      message: `${plural(missing.length, 'expected tool is', 'expected tools are')} not listed: ${listLabels(missing)}.`,
      evidence: t.listing?.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])) ?? [],
      items: missing.map((name) => ({ subject: name, detail: 'not in the tools/list result' })),
    };
  },
});
