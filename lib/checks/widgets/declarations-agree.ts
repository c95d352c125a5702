import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { DOCS, isOutcome, listed, toolsEvidence, widgetsOf } from './shared/context';

/**
 * A tool that names two different templates under its two keys renders nothing in ChatGPT: it
 * drops the widget rather than pick one (Apps SDK "MCP Apps in ChatGPT"; user reports).
 */
export default defineCheck({
  id: 'widgets.declarations-agree',
  area: 'widgets',
  severity: 'error',
  title: 'Each tool’s widget declarations name one template',
  failureTitle: 'A tool’s widget declarations name different templates',
  fix: 'Point _meta.ui.resourceUri and _meta["openai/outputTemplate"] at the same ui:// resource (served as text/html;profile=mcp-app), or drop the older key.',
  docs: DOCS.appsMcpApps,
  codes: ['different-uris'],
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    const evidence = new Set(toolsEvidence(t));
    for (const widget of found.widgets) {
      const uris = [
        ...new Set(widget.declarations.flatMap((d) => (d.uri === null ? [] : [d.uri]))),
      ];
      if (uris.length < 2) continue;
      const parts = widget.declarations.flatMap((d) => {
        if (d.uri === null) return [];
        const read = found.probe.templates.find((r) => r.uri === d.uri);
        if (read?.exchangeId) evidence.add(read.exchangeId);
        const state = !read
          ? 'not read'
          : read.error || !read.content
            ? 'cannot be read'
            : 'exists';
        return [`${d.key} → ${d.uri} (${state})`];
      });
      items.push({ subject: widget.tool, detail: parts.join('; ') });
    }
    if (items.length === 0) return pass('No tool declares two different templates');
    return {
      status: 'fail',
      code: 'different-uris',
      message: `${listed(items.map((i) => i.subject))} declare${items.length === 1 ? 's' : ''} different templates: ${items[0]?.detail ?? ''}`,
      evidence: [...evidence],
      items,
    };
  },
});
