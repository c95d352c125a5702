import type { FindingItem } from '@/lib/report/schema';
import { isValidSource } from '@/lib/widgets/csp';
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

const CODES = ['no-csp', 'invalid-csp'] as const;

/**
 * Without declared domains a host applies its restrictive default (SEP-1865: nothing external),
 * so a widget that loads from other origins needs `ui.csp` / `openai/widgetCSP`; and a declared
 * entry the host cannot turn into a CSP source is as good as absent.
 */
export default defineCheck({
  id: 'widgets.csp',
  area: 'widgets',
  severity: 'warning',
  title: 'Widgets that load from other origins declare a CSP',
  failureTitle: 'A widget loads from other origins without a usable CSP',
  fix: 'Declare the origins on the resources/read content: _meta.ui.csp = { resourceDomains: ["https://cdn.example.com"], connectDomains: ["https://api.example.com"] } (and openai/widgetCSP with resource_domains / connect_domains for the Apps SDK). Use origins like https://cdn.example.com, not "*" or paths with wildcards.',
  docs: DOCS.extApps,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let code: (typeof CODES)[number] | null = null;
    const templates = readTemplates(found.probe);
    for (const { uri, widgets, read } of templates.read) {
      const widget = widgets[0];
      if (!widget) continue;
      const evidence = readEvidence(read);
      const external = widget.assets.filter((a) => a.url !== null);
      if (widget.csp.length === 0 && external.length > 0) {
        code ??= 'no-csp';
        items.push({
          subject: uri,
          detail: `loads ${external.length} asset${external.length === 1 ? '' : 's'} from other origins (e.g. ${external[0]?.url ?? ''}) but declares neither _meta.ui.csp nor openai/widgetCSP`,
          evidence,
        });
      }
      for (const csp of widget.csp) {
        for (const problem of csp.invalid) {
          code ??= 'invalid-csp';
          items.push({ subject: uri, detail: `${csp.key}: ${problem}`, evidence });
        }
        const lists = [
          csp.connectDomains,
          csp.resourceDomains,
          csp.frameDomains,
          csp.baseUriDomains,
        ].flat();
        for (const entry of lists.filter((e) => !isValidSource(e))) {
          code ??= 'invalid-csp';
          items.push({
            subject: uri,
            detail: `${csp.key} lists "${entry.slice(0, 100)}", which is not an origin a host can allow`,
            evidence,
          });
        }
      }
    }
    if (items.length === 0 || code === null)
      return passUnlessUnread(
        templates.unread,
        templates.read.length,
        'Every widget that loads from other origins declares them',
      );
    return {
      status: 'fail',
      code,
      message: `${listed([...new Set(items.map((i) => i.subject))])}: ${items[0]?.detail ?? ''}`,
      evidence: [...new Set(items.flatMap((i) => i.evidence ?? []))],
      items,
    };
  },
});
