import type { FindingItem } from '@/lib/report/schema';
import { blocked, defineCheck, pass } from '../define';
import { DOCS, isOutcome, listed, renderedTemplates, widgetsOf } from './shared/context';

/**
 * A template in `resources/list` can be prefetched and reviewed at connection time. SEP-1865 lets
 * servers omit UI-only resources from the list, so a missing entry is a note, not a failure.
 */
export default defineCheck({
  id: 'widgets.resource-listed',
  area: 'widgets',
  severity: 'info',
  title: 'Every widget template is listed by resources/list',
  failureTitle: 'Some widget templates are not listed by resources/list',
  fix: 'Register each template as a resource (server.registerResource("board", "ui://widget/board.html", { mimeType: "text/html;profile=mcp-app" }, read)) so hosts can list, prefetch and review it.',
  docs: DOCS.mcpResources,
  codes: ['list-failed', 'not-listed'],
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const { resources, resourceTemplates } = found.probe;
    const evidence = [...(resources?.exchangeIds ?? []), ...(resourceTemplates?.exchangeIds ?? [])];
    const items: FindingItem[] = [];
    const templates = renderedTemplates(found.probe);
    // The list entry is matched when the template is read: one never read was never looked up.
    const looked = templates.filter((template) => template.read);
    if (looked.length === 0) {
      return blocked(
        'widgets.resource-read',
        'skipped: no widget template was read (see widgets.resource-read)',
      );
    }
    for (const template of looked) {
      if (template.read?.listEntry) continue;
      const why = resources?.error
        ? `resources/list failed (${resources.error.message})`
        : 'not in resources/list, and no resources/templates/list template matches it';
      items.push({
        subject: template.uri,
        detail: `${why}; rendered by ${listed(template.tools, 10)}`,
      });
    }
    if (items.length === 0) return pass('Every widget template is listed');
    return {
      status: 'fail',
      code: resources?.error ? 'list-failed' : 'not-listed',
      message: `${listed(items.map((i) => i.subject))} ${items.length === 1 ? 'is' : 'are'} not listed by resources/list`,
      evidence,
      items,
    };
  },
});
