import { plural } from '@/lib/text/plural';
import { defineCheck, notApplicable, pass } from '../define';
import { listingComplete, withoutListing } from '../shared/blocked';

/** A CI job's own floor (`minTools`, `--min-tools`): fewer tools means some were not registered. */
export default defineCheck({
  id: 'tools.min-count',
  area: 'tools',
  severity: 'error',
  title: 'At least the expected number of tools is listed',
  failureTitle: 'Fewer tools are listed than expected',
  fix: 'Some tools are not registered: check the server’s startup (a failed import or a feature flag often drops tools), then refresh the connector in ChatGPT.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#listing-tools',
  codes: ['too-few-tools'],
  run(t) {
    const min = t.request?.minTools ?? null;
    if (min === null) return notApplicable('skipped: no minimum tool count was given');
    if (!listingComplete(t)) return withoutListing(t, 'the tool list is incomplete');
    if (t.tools.length >= min) {
      return pass(`${plural(t.tools.length, 'tool')} listed (at least ${min} expected).`);
    }
    return {
      status: 'fail',
      code: 'too-few-tools',
      message: `${plural(t.tools.length, 'tool')} listed; at least ${min} expected.`,
      evidence: t.listing?.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])) ?? [],
    };
  },
});
