import { isRecord } from '@/lib/json/is-record';
import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, notApplicable, pass } from '../define';
import { legOutcome, serverEra } from '../shared/era';
import { diffTools } from '../shared/tool-diff';
import { listLabels } from '../shared/tool-entries';

const capabilityNames = (result: unknown): string[] => {
  const capabilities = isRecord(result) ? result.capabilities : undefined;
  return isRecord(capabilities) ? Object.keys(capabilities).sort() : [];
};

/**
 * A dual-era server serves two kinds of client from one endpoint; if its two legs differ, a tool,
 * widget or capability exists for one kind and not the other, and the same server "works in one
 * client and not another" (MCP 2026-07-28 "Versioning and Compatibility": a dual-era server serves
 * each era by its own rules — the TypeScript SDK v2 builds both legs from one factory for this
 * reason). Compared: the tool lists (names, schemas, `_meta` widget declarations), the declared
 * capabilities, and whether each leg asks for authorization.
 */
export default defineCheck({
  id: 'connection.era-parity',
  area: 'connection',
  severity: 'warning',
  title: 'Both protocol eras serve the same server',
  failureTitle: 'The 2026-07-28 leg and the 2025 leg serve different things',
  fix: 'Build both legs from one definition (with the TypeScript SDK v2, one factory passed to createMcpHandler), and put the same authorization in front of both: clients of each era should see the same tools, widgets and capabilities.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions',
  codes: ['legs-differ'],
  run(t) {
    if (serverEra(t) !== 'dual') return notApplicable('skipped: the server speaks one era');
    const leg = t.mcp?.modern;
    const items: FindingItem[] = [];
    const legacyAuth = legOutcome(t, 'legacy');
    const modernAuth = legOutcome(t, 'modern');
    if (legacyAuth !== modernAuth) {
      const denied = legacyAuth === 'denied' ? 'the 2025 handshake' : '2026-07-28';
      items.push({
        subject: 'authorization',
        detail: `only ${denied} asks for authorization; the other leg answers without it`,
      });
    }
    const modernCaps = capabilityNames(leg?.discover);
    const legacyCaps = capabilityNames(t.mcp?.initializeResult);
    if (leg?.discover && t.mcp?.initializeResult && modernCaps.join() !== legacyCaps.join()) {
      items.push({
        subject: 'capabilities',
        detail: `2025: ${legacyCaps.join(', ') || 'none'}; 2026-07-28: ${modernCaps.join(', ') || 'none'}`,
      });
    }
    if (leg?.toolsError) {
      items.push({
        subject: 'tools/list',
        detail: `the 2026-07-28 leg could not list tools: ${leg.toolsError.message}`,
        evidence: leg.toolsExchangeIds,
      });
    } else if (leg?.tools && t.listing) {
      const diff = diffTools(t.tools, leg.tools);
      for (const name of diff.removed) {
        items.push({
          subject: name,
          detail: 'listed by the 2025 leg only',
          evidence: leg.toolsExchangeIds,
        });
      }
      for (const name of diff.added) {
        items.push({
          subject: name,
          detail: 'listed by the 2026-07-28 leg only',
          evidence: leg.toolsExchangeIds,
        });
      }
      for (const { name, fields } of diff.changed) {
        items.push({
          subject: name,
          detail: `differs between the eras: ${fields.map((f) => f.field).join(', ')}`,
          evidence: leg.toolsExchangeIds,
        });
      }
    }
    if (items.length === 0) {
      if (!leg?.tools) return notApplicable('skipped: the 2026-07-28 leg was not listed');
      return pass(`Both eras serve the same ${leg.tools.length} tools and capabilities`);
    }
    return {
      status: 'fail',
      code: 'legs-differ',
      message: `The two protocol eras differ: ${listLabels(
        items.map((i) => `${i.subject} (${i.detail})`),
        3,
      )}.`,
      evidence: [...new Set(items.flatMap((i) => i.evidence ?? []))],
      items,
    };
  },
});
