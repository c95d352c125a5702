import { plural } from '@/lib/text/plural';
import type { FindingItem } from '@/lib/report/schema';
import { cspAllows, effectiveCsp } from '@/lib/widgets/csp';
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

const CODES = ['local-host', 'not-in-csp', 'relative-url'] as const;
type Code = (typeof CODES)[number];

/**
 * ChatGPT loads a widget's assets from the user's browser, inside a CSP sandbox: an asset on
 * localhost or a private network never loads, nor one whose origin the declared CSP does not list
 * (SEP-1865 "Host Behavior": hosts MUST NOT allow undeclared domains).
 */
export default defineCheck({
  id: 'widgets.external-assets',
  area: 'widgets',
  severity: 'warning',
  title: 'Every widget asset is public and allowed by the widget’s CSP',
  failureTitle: 'A widget loads assets ChatGPT cannot load',
  fix: 'Serve scripts, styles, images and fonts from a public HTTPS origin (or inline them), and list that origin in _meta.ui.csp.resourceDomains (and openai/widgetCSP.resource_domains). Build your bundle before deploying: a localhost URL is your dev server.',
  docs: DOCS.extApps,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    const codes = new Set<Code>();
    let total = 0;
    const templates = readTemplates(found.probe);
    for (const { uri, widgets, read } of templates.read) {
      const widget = widgets[0];
      if (!widget) continue;
      const csp = effectiveCsp(widget.csp, widget.standards);
      for (const asset of widget.assets) {
        total++;
        const what = `${asset.where} ${asset.url ?? asset.ref}`;
        const evidence = [...readEvidence(read), ...(asset.fetch?.exchangeIds ?? [])];
        if (asset.scope === 'relative') {
          codes.add('relative-url');
          items.push({
            subject: uri,
            detail: `${what} is relative: in the host's sandbox it resolves against the sandbox's origin, not your server`,
            evidence,
          });
        } else if (asset.scope !== 'public' && asset.scope !== 'unknown') {
          codes.add('local-host');
          items.push({
            subject: uri,
            detail: `${what} is on ${asset.host ?? 'a host'} (${asset.scope}), which ChatGPT cannot reach`,
            evidence,
          });
        } else if (asset.url && !(csp && cspAllows(csp, asset.kind, asset.url))) {
          codes.add('not-in-csp');
          const policy = csp
            ? `${csp.key} does not list its origin`
            : 'no CSP is declared, so hosts block every external origin';
          items.push({ subject: uri, detail: `${what}: ${policy}`, evidence });
        }
      }
    }
    if (items.length === 0)
      return passUnlessUnread(
        templates.unread,
        templates.read.length,
        total
          ? `${plural(total, 'external asset')}, all public and allowed by the CSP`
          : 'The widget templates load no external assets',
      );
    const local = codes.has('local-host');
    const code: Code = local
      ? 'local-host'
      : codes.has('not-in-csp')
        ? 'not-in-csp'
        : 'relative-url';
    const first = items.find((i) => (local ? i.detail.includes('cannot reach') : true)) ?? items[0];
    return {
      status: 'fail',
      code,
      severity: local ? 'error' : 'warning',
      message: `${listed([...new Set(items.map((i) => i.subject))])}: ${first?.detail ?? ''}${items.length > 1 ? `; ${plural(items.length - 1, 'other asset')} too` : ''}`,
      evidence: [...new Set(items.flatMap((i) => i.evidence ?? []))],
      items,
    };
  },
});
