import { plural } from '@/lib/text/plural';
import type { Transcript } from '@/lib/report/schema';
import type {
  TemplateContent,
  TemplateRead,
  Widget,
  WidgetsProbe,
} from '@/lib/report/schema-widgets';
import { blocked, notApplicable, type Outcome } from '../../define';
import { VERIFY, listingComplete, stepSummary, withoutListing } from '../../shared/blocked';

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
 * The recorded widgets, or why the widget checks cannot run: tools/list did not complete or the
 * widget step never ran (blocked: the row is not verified), or no tool declares a widget (the
 * row does not apply).
 */
export function widgetsOf(
  t: Transcript,
): { probe: WidgetsProbe; widgets: Widget[] } | Outcome<never> {
  if (!listingComplete(t)) return withoutListing(t, 'widgets are declared in the tool list');
  if (!t.widgets) {
    return blocked(
      'tools.list',
      `skipped: the widget step did not run (${stepSummary(t, 'resources') ?? 'no reason recorded'})`,
      VERIFY.tools,
    );
  }
  if (t.widgets.widgets.length === 0) return notApplicable('skipped: no tool declares a widget');
  return { probe: t.widgets, widgets: t.widgets.widgets };
}

/**
 * The templates whose content was read, and the ones that could not be: a check that judges
 * content only ever passes when every template it should judge was read.
 */
export function readTemplates(probe: WidgetsProbe): {
  read: (RenderedTemplate & { read: TemplateRead & { content: TemplateContent } })[];
  unread: RenderedTemplate[];
} {
  const read: (RenderedTemplate & { read: TemplateRead & { content: TemplateContent } })[] = [];
  const unread: RenderedTemplate[] = [];
  for (const template of renderedTemplates(probe)) {
    const r = template.read;
    if (r?.content) read.push({ ...template, read: { ...r, content: r.content } });
    else unread.push(template);
  }
  return { read, unread };
}

/**
 * The outcome of a content check that found nothing wrong: a pass when every template was read,
 * else blocked on the templates that were not (named, with how many were read and fine).
 */
export function passUnlessUnread(
  unread: readonly RenderedTemplate[],
  checked: number,
  passMessage: string,
): Outcome<never> {
  if (unread.length === 0)
    return checked > 0
      ? { status: 'pass', message: passMessage }
      : notApplicable('skipped: no template content to check');
  const fine = checked
    ? `; the ${plural(checked, 'template')} read ${checked === 1 ? 'is' : 'are'} fine`
    : '';
  return blocked(
    'widgets.resource-read',
    `skipped: ${listed(unread.map((u) => u.uri))} could not be read (see widgets.resource-read)${fine}`,
    VERIFY.templates,
  );
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

/** `a, b and 2 more` for messages; the full list is in the items. */
export function listed(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
