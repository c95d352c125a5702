import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
import { z } from 'zod';
import type { ReportWithoutClients as Report } from '@/lib/report/schema';
import { knownFact, MAX_LISTED_NAMES, unknownFact, type ClientFacts } from './facts';
import { idsOf } from './report-reading';

/** Names longer than this are refused by the Claude Connectors Directory (see ./claude.ts). */
export const DIRECTORY_NAME_LIMIT = 64;

// Lenient on purpose: the tools checks judge validity; this only reads what client rules count.
const ToolEntrySchema = z.object({
  name: z.string(),
  title: z.string().optional().catch(undefined),
  annotations: z
    .object({
      title: z.string().optional().catch(undefined),
      readOnlyHint: z.boolean().optional().catch(undefined),
      destructiveHint: z.boolean().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/** "title and the applicable readOnlyHint or destructiveHint" (Claude connectors FAQ). */
function annotated(tool: z.infer<typeof ToolEntrySchema>): boolean {
  const title = tool.annotations?.title ?? tool.title;
  const hints = tool.annotations?.readOnlyHint ?? tool.annotations?.destructiveHint;
  return Boolean(title) && hints !== undefined;
}

export function toolFacts(report: Report): ClientFacts['tools'] {
  const listing = report.listing;
  const pages = listing?.pages ?? [];
  if (!listing || pages.length === 0 || pages.every((p) => p.error)) return unknownFact();
  const entries = report.tools.flatMap((raw) => {
    const parsed = ToolEntrySchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const names = entries.map((t) => t.name);
  const long = names.filter((n) => n.length > DIRECTORY_NAME_LIMIT);
  const invalid = names.filter((n) => !validateToolName(n).isValid);
  return knownFact(
    {
      count: report.tools.length,
      complete: listing.stoppedEarly === null && pages.every((p) => !p.error),
      longestName: Math.max(0, ...names.map((n) => n.length)),
      longNames: long.slice(0, MAX_LISTED_NAMES),
      longNameCount: long.length,
      invalidNames: invalid.slice(0, MAX_LISTED_NAMES),
      invalidNameCount: invalid.length,
      missingAnnotations: entries.filter((t) => !annotated(t)).length,
    },
    { exchanges: idsOf(...pages.map((p) => p.exchangeId)) },
  );
}

export function widgetFacts(report: Report): ClientFacts['widgets'] {
  const probe = report.widgets;
  if (!probe) return unknownFact();
  const failing = report.checks.filter(
    (c) => c.area === 'widgets' && c.status === 'fail' && c.severity === 'error',
  );
  return knownFact(
    {
      count: probe.widgets.length,
      appsSdk: probe.widgets.some((w) => w.standards.includes('apps-sdk')),
      mcpApps: probe.widgets.some((w) => w.standards.includes('mcp-apps')),
      failingChecks: failing.map((c) => c.id),
    },
    { exchanges: idsOf(...probe.templates.map((t) => t.exchangeId)) },
  );
}
