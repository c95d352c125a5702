import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { DOCS, isOutcome, listed, toolsEvidence, widgetsOf } from './shared/context';

/**
 * Which hosts render the widget. ChatGPT reads both keys; Claude and other MCP Apps hosts read only
 * `ui.resourceUri`. SEP-1865 deprecates the flat `ui/resourceUri` and will remove it before GA.
 */
export default defineCheck({
  id: 'widgets.host-coverage',
  area: 'widgets',
  severity: 'info',
  title: 'Every widget is declared the way all MCP Apps hosts read it',
  failureTitle: 'Some widgets render only in some hosts',
  fix: 'Declare _meta.ui.resourceUri (MCP Apps), served as text/html;profile=mcp-app: ChatGPT, Claude and other MCP Apps hosts all read it. Keep _meta["openai/outputTemplate"] set to the same URI for older ChatGPT clients if you like.',
  docs: DOCS.extApps,
  codes: ['deprecated-key', 'apps-sdk-only'],
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    for (const widget of found.widgets) {
      const keys = widget.declarations.map((d) => d.key);
      if (!keys.includes('ui.resourceUri') && keys.includes('ui/resourceUri')) {
        items.push({
          subject: widget.tool,
          detail:
            'declares only the deprecated flat _meta["ui/resourceUri"]; SEP-1865 removes it before GA — use _meta.ui.resourceUri',
        });
      } else if (widget.standards.length === 1 && widget.standards[0] === 'apps-sdk') {
        items.push({
          subject: widget.tool,
          detail:
            'declares only _meta["openai/outputTemplate"]: ChatGPT renders it, Claude and other MCP Apps hosts show text only',
        });
      }
    }
    if (items.length === 0)
      return pass(
        'Every widget declares _meta.ui.resourceUri, which ChatGPT and MCP Apps hosts read',
      );
    const deprecated = items.some((i) => i.detail.includes('deprecated'));
    return {
      status: 'fail',
      code: deprecated ? 'deprecated-key' : 'apps-sdk-only',
      message: `${listed(items.map((i) => i.subject))}: ${items[0]?.detail ?? ''}`,
      evidence: toolsEvidence(t),
      items,
    };
  },
});
