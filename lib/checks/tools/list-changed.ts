import { plural } from '@/lib/text/plural';
import { isRecord } from '@/lib/json/is-record';
import { blocked, defineCheck, pass } from '../define';
import { VERIFY, listingComplete, withoutListing } from '../shared/blocked';
import { sessionCapabilities } from '../shared/era';
import { diffTools, toolKeys } from '../shared/tool-diff';
import { listLabels } from '../shared/tool-entries';
import type { FindingItem } from '@/lib/report/schema';

/**
 * MCP 2025-11-25 server/tools, "List Changed Notification": a server whose tools change declares
 * `listChanged` and notifies clients. Without it, clients (ChatGPT caches a connector's tools) keep
 * the list they saw first, so two listings in one run that differ are a list clients will get wrong.
 */
export default defineCheck({
  id: 'tools.list-changed',
  area: 'tools',
  severity: 'warning',
  title: 'The tool list is stable, or the server announces changes',
  failureTitle: 'The tool list changed within one run, and the server does not announce changes',
  fix: 'Keep the tool list the same for every call, or declare capabilities: { tools: { listChanged: true } } and send notifications/tools/list_changed when it changes. Then press "Refresh" in ChatGPT’s connector settings.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#list-changed-notification',
  codes: ['changed-without-list-changed'],
  run(t) {
    const listing = t.listing;
    const firstPage = listing?.pages[0];
    if (!listing || !firstPage || !listingComplete(t)) return withoutListing(t);
    if (!listing.relist) {
      return blocked(
        'tools.list',
        'skipped: the second tools/list, made to compare, failed',
        VERIFY.tools,
      );
    }

    const first = t.tools.slice(0, firstPage.count);
    const diff = diffTools(first, listing.relist.tools);
    const changed = new Map(diff.changed.map((c) => [c.name, c.fields]));
    const removed = new Set(diff.removed);
    const items: FindingItem[] = [
      // In the first listing's order, then what only the second call returned.
      ...toolKeys(first).flatMap((name) => {
        const fields = changed.get(name);
        if (fields) {
          const detail = `changed between the two calls: ${fields.map((f) => f.field).join(', ')}`;
          return [{ subject: name, detail }];
        }
        return removed.has(name)
          ? [{ subject: name, detail: 'listed first, missing from the second tools/list' }]
          : [];
      }),
      ...diff.added.map((name) => ({
        subject: name,
        detail: 'missing first, present in the second tools/list',
      })),
    ];
    const calls = `${plural(first.length, 'tool')} on the first page`;
    if (!items.length) return pass(`Two tools/list calls returned the same ${calls}`);

    const capabilities = sessionCapabilities(t);
    const tools = isRecord(capabilities) ? capabilities.tools : undefined;
    if (isRecord(tools) && tools.listChanged === true) {
      return pass(
        `The tool list changed between two calls (${listLabels(items.map((i) => i.subject))}); the server declares listChanged, so clients are told`,
      );
    }
    const evidence = [firstPage.exchangeId, listing.relist.exchangeId].flatMap((id) =>
      id ? [id] : [],
    );
    return {
      status: 'fail',
      code: 'changed-without-list-changed',
      message: `${plural(items.length, 'tool')} differed between two tools/list calls (${listLabels(items.map((i) => i.subject))}), and capabilities.tools.listChanged is not true.`,
      evidence,
      items: items.map((item) => ({ ...item, evidence })),
    };
  },
});
