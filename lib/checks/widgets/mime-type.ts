import type { FindingItem } from '@/lib/report/schema';
import { APPS_SDK_MIME, MCP_APPS_MIME, normalizeMime } from '@/lib/widgets/meta';
import { defineCheck } from '../define';
import {
  DOCS,
  isOutcome,
  listed,
  readEvidence,
  passUnlessUnread,
  readTemplates,
  widgetsOf,
} from './shared/context';

const CODES = ['no-mime', 'unsupported-mime', 'mcp-apps-needs-profile'] as const;

/**
 * The MIME type of the `resources/read` content decides whether a host renders it: Apps SDK
 * templates are `text/html+skybridge`; MCP Apps content MUST be `text/html;profile=mcp-app`
 * (SEP-1865 "Content Requirements"). Plain `text/html` renders nowhere.
 */
export default defineCheck({
  id: 'widgets.mime-type',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget template is served with a widget MIME type',
  failureTitle: 'A widget template is served with the wrong MIME type',
  fix: 'Return the template from resources/read with mimeType "text/html;profile=mcp-app" (MCP Apps; ChatGPT renders it too) or "text/html+skybridge" (Apps SDK only) — exactly, on the content itself.',
  docs: DOCS.extApps,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let code: (typeof CODES)[number] | null = null;
    let severity: 'error' | 'warning' = 'warning';
    const templates = readTemplates(found.probe);
    for (const { uri, read, widgets, tools } of templates.read) {
      const { content } = read;
      if (content.encoding === 'none') {
        templates.unread.push({ uri, tools, widgets, read });
        continue;
      }
      const mime = content.mimeType === null ? null : normalizeMime(content.mimeType);
      const evidence = readEvidence(read);
      if (mime !== APPS_SDK_MIME && mime !== MCP_APPS_MIME) {
        code ??= mime === null ? 'no-mime' : 'unsupported-mime';
        severity = 'error';
        items.push({
          subject: uri,
          detail: mime === null ? 'the content has no mimeType' : `served as "${content.mimeType}"`,
          evidence,
        });
        continue;
      }
      if (mime === MCP_APPS_MIME) continue;
      // Skybridge content declared through ui.resourceUri: MCP Apps hosts refuse it.
      const mcpOnly = widgets.filter(
        (w) =>
          w.standards.includes('mcp-apps') &&
          !w.declarations.some((d) => d.key === 'openai/outputTemplate' && d.uri === uri),
      );
      const both = widgets.filter((w) => w.standards.includes('mcp-apps') && !mcpOnly.includes(w));
      if (mcpOnly.length) {
        code ??= 'mcp-apps-needs-profile';
        severity = 'error';
        items.push({
          subject: uri,
          detail: `served as "${content.mimeType}" but declared as an MCP App by ${listed(
            mcpOnly.map((w) => w.tool),
            10,
          )}, which needs text/html;profile=mcp-app`,
          evidence,
        });
      } else if (both.length) {
        code ??= 'mcp-apps-needs-profile';
        items.push({
          subject: uri,
          detail: `served as "${content.mimeType}": ChatGPT renders it through openai/outputTemplate, but MCP Apps hosts reading ui.resourceUri (${listed(tools, 10)}) need text/html;profile=mcp-app`,
          evidence,
        });
      }
    }
    if (items.length === 0 || code === null)
      return passUnlessUnread(
        templates.unread,
        templates.read.length - templates.unread.length,
        'Every widget template is served as text/html+skybridge or text/html;profile=mcp-app',
      );
    return {
      status: 'fail',
      code,
      severity,
      message: `${listed(items.map((i) => i.subject))} ${items[0]?.detail ?? ''}`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
    };
  },
});
