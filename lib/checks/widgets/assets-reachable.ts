import { plural } from '@/lib/text/plural';
import type { FindingItem } from '@/lib/report/schema';
import { blocked, defineCheck, notApplicable } from '../define';
import { VERIFY } from '../shared/blocked';
import {
  DOCS,
  isOutcome,
  listed,
  passUnlessUnread,
  readTemplates,
  widgetsOf,
} from './shared/context';

const CODES = ['unreachable', 'bad-status'] as const;

/** An asset that does not answer leaves the widget blank or half-styled; the probe asked each one (HEAD, bounded). */
export default defineCheck({
  id: 'widgets.assets-reachable',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget asset answers',
  failureTitle: 'A widget asset does not answer',
  fix: 'Deploy the assets the template references (check the build output paths and the CDN), and make sure they answer 200 to anonymous requests.',
  docs: DOCS.appsCustomUx,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let asked = 0;
    let code: (typeof CODES)[number] | null = null;
    const { read, unread } = readTemplates(found.probe);
    const unasked: string[] = [];
    for (const { uri, widgets } of read) {
      for (const asset of widgets[0]?.assets ?? []) {
        const fetched = asset.fetch;
        if (!fetched) {
          // Relative and non-http references are not fetched from anywhere: widgets.external-assets judges them.
          if (asset.url?.startsWith('http'))
            unasked.push(`${asset.url} (${asset.skipped ?? 'not asked'})`);
          continue;
        }
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
    if (items.length === 0 || code === null) {
      if (unasked.length) {
        return blocked(
          'widgets.external-assets',
          `skipped: ${plural(unasked.length, 'asset')} could not be asked: ${listed(unasked, 2)}`,
          VERIFY.connection,
        );
      }
      if (asked === 0 && unread.length === 0) {
        return notApplicable('skipped: no widget template references an external asset');
      }
      return passUnlessUnread(unread, read.length, `${plural(asked, 'external asset')} answered`);
    }
    return {
      status: 'fail',
      code,
      message: `${items[0]?.detail ?? ''}${items.length > 1 ? `; ${plural(items.length - 1, 'other asset')} too` : ''}`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
    };
  },
});
