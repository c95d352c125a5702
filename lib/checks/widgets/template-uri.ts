import { plural } from '@/lib/text/plural';
import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { DOCS, isOutcome, listed, toolsEvidence, widgetsOf } from './shared/context';

/** Hosts only render templates named by a `ui://` URI, read with `resources/read` (SEP-1865 "UI Resource Format"). */
export default defineCheck({
  id: 'widgets.template-uri',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget template is a ui:// URI',
  failureTitle: 'A widget template is not a ui:// URI',
  fix: 'Point _meta.ui.resourceUri (and _meta["openai/outputTemplate"]) at a ui:// resource the server registers, e.g. "ui://widget/board.html", not at an https URL or a file path.',
  docs: DOCS.extApps,
  codes: ['not-a-string', 'not-ui-scheme'],
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    for (const widget of found.widgets) {
      for (const d of widget.declarations) {
        const key = d.key === 'ui.resourceUri' ? '_meta.ui.resourceUri' : `_meta["${d.key}"]`;
        if (d.uri === null)
          items.push({
            subject: widget.tool,
            detail: `${key} is ${d.valueType}, not a URI string`,
          });
        else if (!/^ui:\/\/[^/\s]/i.test(d.uri))
          items.push({
            subject: widget.tool,
            detail: `${key} is "${d.uri.slice(0, 200)}", not a ui:// URI`,
          });
      }
    }
    if (items.length === 0)
      return pass(
        `Every widget template URI uses the ui:// scheme (${plural(found.widgets.length, 'widget')})`,
      );
    const tools = [...new Set(items.map((i) => i.subject))];
    return {
      status: 'fail',
      code: items.some((i) => i.detail.includes('not a URI string'))
        ? 'not-a-string'
        : 'not-ui-scheme',
      message: `${listed(tools)}: ${items[0]?.detail ?? ''}${items.length > 1 ? ` (+${items.length - 1} more)` : ''}`,
      evidence: toolsEvidence(t),
      items,
    };
  },
});
