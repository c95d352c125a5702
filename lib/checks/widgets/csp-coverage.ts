import { analyzeCspCoverage } from '@/lib/analysis/csp-coverage';
import { CSP_KEYS, type CspList, type DeclaredCsp } from '@/lib/analysis/csp-schema';
import type { FindingItem } from '@/lib/report/schema';
import type { WidgetCsp, WidgetSource } from '@/lib/report/schema-widgets';
import { plural } from '@/lib/text/plural';
import { blocked, defineCheck } from '../define';
import { VERIFY } from '../shared/blocked';
import {
  DOCS,
  isOutcome,
  listed,
  passUnlessUnread,
  readEvidence,
  readTemplates,
  widgetsOf,
} from './shared/context';

const CODES = [
  'undeclared-connect',
  'undeclared-frame',
  'undeclared-resource',
  'unused-declared',
] as const;
type Code = (typeof CODES)[number];

const UNDECLARED: Record<CspList, Code> = {
  connect: 'undeclared-connect',
  frame: 'undeclared-frame',
  resource: 'undeclared-resource',
};

/** The key a declaration uses for a list: `ui.csp.connectDomains` or `openai/widgetCSP.connect_domains`. */
const keyFor = (csp: WidgetCsp | null, kind: CspList): string =>
  csp === null ? CSP_KEYS[kind].join(' (or ') + ')' : CSP_KEYS[kind][csp.key === 'ui.csp' ? 0 : 1];

const declaredOf = (csp: WidgetCsp | null): DeclaredCsp => ({
  connect: csp?.connectDomains ?? [],
  resource: csp?.resourceDomains ?? [],
  frame: csp?.frameDomains ?? [],
});

/**
 * Hosts build a widget's Content-Security-Policy from what it declares and allow nothing else
 * (MCP Apps 2026-01-26, "Host Behavior"; Apps SDK `openai/widgetCSP`): an origin the widget's
 * HTML, scripts or stylesheets load from that no list declares is blocked in the user's browser,
 * and the widget "does not work" there while it works in a tab. Read from the template and the
 * bodies of its scripts and stylesheets (inline and fetched), each origin with the line that
 * uses it and the key to add it to; declared domains nothing uses are info.
 */
export default defineCheck({
  id: 'widgets.csp-coverage',
  area: 'widgets',
  group: 'security',
  severity: 'warning',
  title: 'Every origin a widget uses is declared in its CSP',
  failureTitle: 'A widget uses origins its CSP does not declare',
  fix: 'Add each origin named to the key named — fetch/XHR/WebSocket/EventSource origins to ui.csp.connectDomains (openai/widgetCSP.connect_domains), scripts, styles, images and fonts to resourceDomains (resource_domains), iframes to frameDomains (frame_domains) — on the resources/read content’s _meta; remove declared domains nothing uses.',
  docs: DOCS.extApps,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const { read, unread } = readTemplates(found.probe);
    const sources = found.probe.sources;
    const byUrl = new Map<string, WidgetSource>((sources ?? []).map((s) => [s.url, s]));
    const items: FindingItem[] = [];
    const codes = new Set<Code>();
    const notRead: string[] = [];
    for (const { uri, widgets, read: r } of read) {
      const widget = widgets[0];
      const html = r.content.html;
      if (!widget || html === null) continue;
      const external = widget.assets.filter(
        (a) => (a.kind === 'script' || a.kind === 'style') && a.url?.startsWith('http'),
      );
      const unreadBefore = notRead.length;
      const fetched = external.flatMap((a) => {
        const source = a.url ? byUrl.get(a.url) : undefined;
        if (source?.text == null) {
          notRead.push(
            `${a.url ?? a.ref} (${source?.skipped ?? source?.error?.message ?? 'not read'})`,
          );
          return [];
        }
        return [{ ...source, text: source.text }];
      });
      const scripts = fetched.filter((s) => s.kind === 'script');
      const stylesheets = fetched.filter((s) => s.kind === 'style');
      const evidenceOf = (script: string) => [
        ...readEvidence(r),
        ...(byUrl.get(script)?.exchangeIds ?? []),
      ];
      for (const csp of widget.csp.length ? widget.csp : [null]) {
        const coverage = analyzeCspCoverage(html, scripts, declaredOf(csp), { stylesheets });
        for (const missing of coverage.undeclared) {
          codes.add(UNDECLARED[missing.kind]);
          const [use] = missing.uses;
          const where = use
            ? ` by ${use.via} at ${use.source.script} line ${use.source.line} (“${use.source.excerpt}”)`
            : '';
          items.push({
            subject: uri,
            detail: `${missing.origin} is used${where}${missing.uses.length > 1 ? ` and ${plural(missing.uses.length - 1, 'other place')}` : ''}: add "${missing.add}" to ${keyFor(csp, missing.kind)}`,
            evidence: evidenceOf(use?.source.script ?? ''),
          });
        }
        // With code left unread, "nothing uses it" would be a guess.
        const complete = notRead.length === unreadBefore && !coverage.truncated;
        for (const unused of complete ? coverage.unusedDeclared : []) {
          codes.add('unused-declared');
          items.push({
            subject: uri,
            detail: `${keyFor(csp, unused.kind)} declares "${unused.source}", which nothing in the template or its code uses (info: a URL built at run time may)`,
            evidence: readEvidence(r),
          });
        }
      }
    }
    const code = CODES.find((c) => codes.has(c));
    if (code) {
      const undeclared = code !== 'unused-declared';
      const first = items.find((i) => undeclared !== i.detail.includes('which nothing'));
      return {
        status: 'fail',
        code,
        severity: undeclared ? 'warning' : 'info',
        message: `${first?.subject ?? ''}: ${first?.detail ?? ''}${notRead.length ? ` (${plural(notRead.length, 'script or stylesheet', 'scripts or stylesheets')} not read)` : ''}`,
        evidence: [...new Set(items.flatMap((i) => i.evidence ?? []))],
        items,
      };
    }
    if (notRead.length)
      return blocked(
        'widgets.assets-reachable',
        `skipped: ${plural(notRead.length, 'script or stylesheet', 'scripts or stylesheets')} could not be read to see which origins they use: ${listed(notRead, 2)}`,
        VERIFY.connection,
      );
    return passUnlessUnread(
      unread,
      read.length,
      'Every origin the widgets’ HTML, scripts and styles use is declared in their CSP',
    );
  },
});
