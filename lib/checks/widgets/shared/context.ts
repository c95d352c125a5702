import type { Transcript } from '@/lib/report/schema';
import type { TemplateRead, Widget, WidgetsProbe } from '@/lib/report/schema-widgets';
import { skip, type Outcome } from '../../define';

/** Documentation the widget checks link to. */
export const DOCS = {
  appsReference: 'https://developers.openai.com/apps-sdk/reference',
  appsCustomUx: 'https://developers.openai.com/apps-sdk/build/custom-ux',
  appsMcpApps: 'https://developers.openai.com/apps-sdk/mcp-apps-in-chatgpt',
  appsTroubleshooting: 'https://developers.openai.com/apps-sdk/deploy/troubleshooting',
  extApps:
    'https://github.com/modelcontextprotocol/ext-apps/blob/main/specification/2026-01-26/apps.mdx',
  mcpResources: 'https://modelcontextprotocol.io/specification/2025-11-25/server/resources',
} as const;

/**
 * The recorded widgets, or why the widget checks cannot run: tools/list did not complete, the
 * widget step never ran, or no tool declares a widget (the Widget row is then skipped).
 */
export function widgetsOf(t: Transcript): { probe: WidgetsProbe; widgets: Widget[] } | Outcome {
  if (!t.listing || t.listing.pages.some((p) => p.error))
    return skip('skipped: tools/list did not complete');
  if (!t.widgets) return skip('skipped: the widget step did not run');
  if (t.widgets.widgets.length === 0) return skip('skipped: no tool declares a widget');
  return { probe: t.widgets, widgets: t.widgets.widgets };
}

export const isOutcome = (value: unknown): value is Outcome =>
  typeof value === 'object' && value !== null && 'status' in value;

/** The exchanges that carried tools/list: evidence for what a tool declares. */
export const toolsEvidence = (t: Transcript): string[] =>
  t.listing?.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : [])) ?? [];

/** A template a host renders, with the tools that render it and its read. */
export interface RenderedTemplate {
  uri: string;
  tools: string[];
  widgets: Widget[];
  read: TemplateRead | null;
}

/** Widgets grouped by the template they render: a template shared by several tools is judged once. */
export function renderedTemplates(probe: WidgetsProbe): RenderedTemplate[] {
  const out = new Map<string, RenderedTemplate>();
  for (const widget of probe.widgets) {
    if (widget.uri === null) continue;
    const entry = out.get(widget.uri) ?? {
      uri: widget.uri,
      tools: [],
      widgets: [],
      read: probe.templates.find((r) => r.uri === widget.uri) ?? null,
    };
    entry.tools.push(widget.tool);
    entry.widgets.push(widget);
    out.set(widget.uri, entry);
  }
  return [...out.values()];
}

export const readEvidence = (read: TemplateRead | null): string[] =>
  read?.exchangeId ? [read.exchangeId] : [];

export const plural = (n: number, word: string, words = `${word}s`): string =>
  `${n} ${n === 1 ? word : words}`;

/** `a, b and 2 more` for messages; the full list is in the items. */
export function listed(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
