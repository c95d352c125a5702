import { plural } from '@/lib/text/plural';
import { completeToolList, diffTools, toolDiffIsEmpty } from '../shared/tool-diff';
import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, notApplicable, pass } from '../define';
import { withoutListing } from '../shared/blocked';
import { listLabels } from '../shared/tool-entries';

const day = (iso: string) => iso.slice(0, 10);

/**
 * Apps SDK, "Connect from ChatGPT": ChatGPT reads a connector's tools when it is added and keeps
 * that metadata until the developer presses "Refresh". A list that changed since the last saved run
 * is a list ChatGPT may still be showing in its old form. The store attaches the earlier run's
 * tools (`previousTools`), so this stays a pure function of the transcript.
 */
export default defineCheck({
  id: 'tools.drift',
  area: 'tools',
  severity: 'info',
  title: 'The tool list is the same as in the previous run',
  failureTitle: 'The tool list changed since the previous run',
  fix: 'ChatGPT caches a connector’s tool metadata: press "Refresh" in the connector’s settings in ChatGPT so it sees the new list.',
  docs: 'https://developers.openai.com/apps-sdk/deploy/connect-chatgpt',
  codes: ['tools-changed'],
  run(t) {
    const previous = t.previousTools;
    if (!previous) return notApplicable('skipped: no earlier run of this endpoint to compare with');
    const tools = completeToolList(t);
    if (!tools) return withoutListing(t, 'this run has no complete tool list to compare');

    const diff = diffTools(previous.tools, tools);
    const since = `the run of ${day(previous.startedAt)}`;
    if (toolDiffIsEmpty(diff)) {
      return pass(`The same ${plural(tools.length, 'tool')} as in ${since}`);
    }
    const evidence = (t.listing?.pages ?? []).flatMap((p) => (p.exchangeId ? [p.exchangeId] : []));
    const items: FindingItem[] = [
      ...diff.added.map((name) => ({ subject: name, detail: `added since ${since}`, evidence })),
      ...diff.removed.map((name) => ({ subject: name, detail: `removed since ${since}` })),
      ...diff.changed.map(({ name, fields }) => ({
        subject: name,
        detail: `changed since ${since}: ${fields.map((f) => f.field).join(', ')}`,
        evidence,
      })),
    ];
    const parts = [
      diff.added.length ? `${diff.added.length} added (${listLabels(diff.added)})` : null,
      diff.removed.length ? `${diff.removed.length} removed (${listLabels(diff.removed)})` : null,
      diff.changed.length
        ? `${diff.changed.length} changed (${listLabels(diff.changed.map((c) => c.name))})`
        : null,
    ].filter(Boolean);
    return {
      status: 'fail',
      code: 'tools-changed',
      message: `The tool list changed since ${since}: ${parts.join(', ')}.`,
      evidence,
      items,
    };
  },
});
