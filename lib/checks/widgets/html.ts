import type { FindingItem } from '@/lib/report/schema';
import { extractAssets } from '@/lib/widgets/html-assets';
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

const CODES = ['too-large', 'empty', 'not-html'] as const;

/** Hosts enforce a size limit on templates; 5 MB is the ceiling this check holds them to. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** A JSON document (often `{"html": "…"}`) parses as text with tags in it; it is not a template. */
function isJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

/** The content MUST be a valid HTML5 document (SEP-1865 "Content Requirements"). */
export default defineCheck({
  id: 'widgets.html',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget template is an HTML document',
  failureTitle: 'A widget template is not a usable HTML document',
  fix: 'Return the built HTML document itself (<!doctype html><html>…<script>…</script></html>), under 5 MB; inline or reference your bundle rather than returning JSON, a URL or an empty string.',
  docs: DOCS.extApps,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let code: (typeof CODES)[number] | null = null;
    const templates = readTemplates(found.probe);
    for (const { uri, read } of templates.read) {
      const { content } = read;
      if (content.html === null) {
        // A blob that is not text: widgets.resource-read reports it.
        templates.unread.push({ uri, tools: [], widgets: [], read });
        continue;
      }
      const evidence = readEvidence(read);
      if (content.bytes > MAX_TEMPLATE_BYTES) {
        code ??= 'too-large';
        items.push({
          subject: uri,
          detail: `${(content.bytes / 1024 / 1024).toFixed(1)} MB of HTML (limit 5 MB)`,
          evidence,
        });
      } else if (content.html.trim() === '') {
        code ??= 'empty';
        items.push({ subject: uri, detail: 'the content is empty', evidence });
      } else if (isJson(content.html)) {
        code ??= 'not-html';
        items.push({
          subject: uri,
          detail: `the content is JSON, not HTML; it starts with "${content.html.trim().slice(0, 60)}"`,
          evidence,
        });
      } else if (extractAssets(content.html).elementCount === 0) {
        code ??= 'not-html';
        items.push({
          subject: uri,
          detail: `the content has no HTML elements; it starts with "${content.html.trim().slice(0, 60)}"`,
          evidence,
        });
      }
    }
    if (items.length === 0 || code === null)
      return passUnlessUnread(
        templates.unread,
        templates.read.length - templates.unread.length,
        'Every widget template is an HTML document',
      );
    return {
      status: 'fail',
      code,
      message: `${listed(items.map((i) => i.subject))}: ${items[0]?.detail ?? ''}`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
    };
  },
});
