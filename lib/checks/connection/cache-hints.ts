import { isRecord } from '@/lib/json/is-record';
import { findReply } from '@/lib/report/jsonrpc';
import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, notApplicable, pass } from '../define';
import { modernLegOf } from '../shared/blocked';

/** The results MCP 2026-07-28 makes cacheable ("Caching", "Cacheable Results"). */
const CACHEABLE = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
]);

/**
 * In 2026-07-28 servers MUST put caching hints on complete results of the cacheable methods:
 * `ttlMs`, an integer ≥ 0, and `cacheScope`, "public" or "private"; and every result says what it
 * is with `resultType` (MCP 2026-07-28 server/utilities/caching). Without them clients assume 0
 * and re-fetch every time; a wrong scope lets a shared cache serve one user's data to another.
 */
export default defineCheck({
  id: 'connection.cache-hints',
  area: 'connection',
  severity: 'warning',
  title: 'Cacheable 2026-07-28 results carry valid caching hints',
  failureTitle: 'Some 2026-07-28 results carry missing or invalid caching hints',
  fix: 'Put resultType: "complete", ttlMs (an integer ≥ 0, in milliseconds) and cacheScope ("public" for lists that are the same for every user, "private" otherwise) on server/discover, tools/list, resources/list, resources/templates/list and resources/read results. The TypeScript SDK v2 adds defaults; set ttlMs to how long your list really stays the same.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching',
  codes: ['invalid-hints'],
  run(t) {
    const found = modernLegOf(t);
    if ('outcome' in found) return found.outcome;
    const items: FindingItem[] = [];
    let judged = 0;
    for (const request of t.exchanges) {
      const method = request.rpc?.method;
      if (request.era !== 'modern' || !method || !CACHEABLE.has(method)) continue;
      const reply = findReply(t.exchanges, request);
      if (!reply || !isRecord(reply.result)) continue;
      const result = reply.result;
      if (result.resultType === 'input_required') continue;
      judged++;
      const problems: string[] = [];
      if (result.resultType !== 'complete')
        problems.push(`resultType is ${JSON.stringify(result.resultType) ?? 'absent'}`);
      if (!Number.isInteger(result.ttlMs) || (result.ttlMs as number) < 0) {
        problems.push(`ttlMs is ${JSON.stringify(result.ttlMs) ?? 'absent'}, not an integer ≥ 0`);
      }
      if (result.cacheScope !== 'public' && result.cacheScope !== 'private') {
        problems.push(
          `cacheScope is ${JSON.stringify(result.cacheScope) ?? 'absent'}, not "public" or "private"`,
        );
      }
      if (problems.length) {
        items.push({ subject: method, detail: problems.join('; '), evidence: [reply.exchangeId] });
      }
    }
    if (judged === 0) return notApplicable('skipped: no cacheable 2026-07-28 result was received');
    if (items.length === 0) {
      return pass(
        `${judged} cacheable result${judged === 1 ? '' : 's'} carry valid ttlMs and cacheScope`,
      );
    }
    return {
      status: 'fail',
      code: 'invalid-hints',
      message: `${items[0]?.subject}: ${items[0]?.detail}${items.length > 1 ? ` (+${items.length - 1} more)` : ''}.`,
      evidence: [...new Set(items.flatMap((i) => i.evidence ?? []))],
      items,
    };
  },
});
