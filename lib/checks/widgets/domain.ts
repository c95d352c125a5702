import type { FindingItem } from '@/lib/report/schema';
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

/**
 * A dedicated widget origin (`openai/widgetDomain`, `ui.domain`) is required to publish an app in
 * ChatGPT ("Widget domain is not set"); without it the host uses a per-conversation sandbox origin.
 */
export default defineCheck({
  id: 'widgets.domain',
  area: 'widgets',
  severity: 'info',
  title: 'Every widget declares its domain',
  failureTitle: 'Some widgets declare no domain',
  fix: 'Set _meta.ui.domain (and _meta["openai/widgetDomain"] for the Apps SDK) on the resources/read content, in the format the host documents (ChatGPT: your origin, e.g. "https://app.example.com"). It is needed to publish the app.',
  docs: DOCS.appsReference,
  codes: ['no-domain'],
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    const templates = readTemplates(found.probe);
    for (const { uri, widgets, read, tools } of templates.read) {
      if ((widgets[0]?.domain.length ?? 0) === 0) {
        items.push({
          subject: uri,
          detail: `declares neither _meta.ui.domain nor _meta["openai/widgetDomain"] (rendered by ${listed(tools, 10)})`,
          evidence: readEvidence(read),
        });
      }
    }
    if (items.length === 0)
      return passUnlessUnread(
        templates.unread,
        templates.read.length,
        'Every widget template declares its domain',
      );
    return {
      status: 'fail',
      code: 'no-domain',
      message: `${listed(items.map((i) => i.subject))} declare${items.length === 1 ? 's' : ''} no widget domain`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
    };
  },
});
