import { isRecord } from '@/lib/json/is-record';
import { blocked, defineCheck, pass } from '../define';
import { VERIFY, listingComplete, withoutListing } from '../shared/blocked';
import { canonicalJson, listLabels, toolLabel } from '../shared/tool-entries';
import type { FindingItem } from '@/lib/report/schema';

/** Compared fields, in the order a difference is reported. */
const FIELDS = [
  'title',
  'description',
  'inputSchema',
  'outputSchema',
  'annotations',
  '_meta',
] as const;

/** Tools keyed by name (position when the name is unusable), as canonical JSON to ignore key order. */
function keyed(tools: readonly unknown[]): Map<string, { tool: unknown; json: string }> {
  const map = new Map<string, { tool: unknown; json: string }>();
  tools.forEach((tool, index) => {
    const name = toolLabel(
      index,
      isRecord(tool) && typeof tool.name === 'string' ? tool.name : null,
    );
    if (!map.has(name)) map.set(name, { tool, json: canonicalJson(tool) });
  });
  return map;
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return ['the whole definition'];
  const fields = FIELDS.filter((f) => canonicalJson(before[f]) !== canonicalJson(after[f]));
  return fields.length ? [...fields] : ['other fields'];
}

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
    const before = keyed(first);
    const after = keyed(listing.relist.tools);
    const items: FindingItem[] = [];
    for (const [name, { json, tool }] of before) {
      const again = after.get(name);
      if (!again)
        items.push({ subject: name, detail: 'listed first, missing from the second tools/list' });
      else if (again.json !== json)
        items.push({
          subject: name,
          detail: `changed between the two calls: ${changedFields(tool, again.tool).join(', ')}`,
        });
    }
    for (const name of after.keys()) {
      if (!before.has(name))
        items.push({ subject: name, detail: 'missing first, present in the second tools/list' });
    }
    const calls = `${first.length} tool${first.length === 1 ? '' : 's'} on the first page`;
    if (!items.length) return pass(`Two tools/list calls returned the same ${calls}`);

    const result = t.mcp?.initializeResult;
    const capabilities = isRecord(result) ? result.capabilities : undefined;
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
      message: `${items.length} tool${items.length === 1 ? '' : 's'} differed between two tools/list calls (${listLabels(items.map((i) => i.subject))}), and capabilities.tools.listChanged is not true.`,
      evidence,
      items: items.map((item) => ({ ...item, evidence })),
    };
  },
});
