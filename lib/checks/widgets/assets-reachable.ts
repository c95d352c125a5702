import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { DOCS, isOutcome, plural, renderedTemplates, widgetsOf } from './shared/context';

/** An asset that does not answer leaves the widget blank or half-styled; the probe asked each one (HEAD, bounded). */
export default defineCheck({
  id: 'widgets.assets-reachable',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget asset answers',
  failureTitle: 'A widget asset does not answer',
  fix: 'Deploy the assets the template references (check the build output paths and the CDN), and make sure they answer 200 to anonymous requests.',
  docs: DOCS.appsCustomUx,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let asked = 0;
    let code: string | null = null;
    for (const { uri, widgets } of renderedTemplates(found.probe)) {
      for (const asset of widgets[0]?.assets ?? []) {
        const fetched = asset.fetch;
        if (!fetched) continue;
        asked++;
        const evidence = fetched.exchangeIds;
        const url = asset.url ?? asset.ref;
        if (fetched.error) {
          code ??= 'unreachable';
          items.push({ subject: uri, detail: fetched.error.message, evidence });
        } else if (
          fetched.status !== null &&
          !(fetched.status >= 200 && fetched.status < 300) &&
          !(fetched.status >= 300 && fetched.status < 400 && fetched.location)
        ) {
          code ??= 'bad-status';
          items.push({
            subject: uri,
            detail: `${url} answered ${fetched.method} with HTTP ${fetched.status}`,
            evidence,
          });
        }
      }
    }
    if (asked === 0) return pass('No external asset to ask');
    if (items.length === 0 || code === null)
      return pass(`${plural(asked, 'external asset')} answered`);
    return {
      status: 'fail',
      code,
      message: `${items[0]?.detail ?? ''}${items.length > 1 ? `; ${plural(items.length - 1, 'other asset')} too` : ''}`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
    };
  },
});
