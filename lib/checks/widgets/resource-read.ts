import type { FindingItem } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import {
  DOCS,
  isOutcome,
  listed,
  plural,
  readEvidence,
  renderedTemplates,
  widgetsOf,
} from './shared/context';

/** A host fetches the template with `resources/read` (SEP-1865 "Resource Discovery": the resource MUST exist). */
export default defineCheck({
  id: 'widgets.resource-read',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget template can be read',
  failureTitle: 'A widget template cannot be read',
  fix: 'Register the template under exactly the URI the tool declares, and return it from resources/read as contents: [{ uri, mimeType, text: "<!doctype html>…" }].',
  docs: DOCS.extApps,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let code = 'read-failed';
    const templates = renderedTemplates(found.probe);
    for (const { uri, read, tools } of templates) {
      const add = (detail: string) =>
        items.push({
          subject: uri,
          detail: `${detail} (rendered by ${listed(tools, 10)})`,
          evidence: readEvidence(read),
        });
      if (!read) continue;
      if (read.error) {
        if (read.error.code === 'body-too-large') code = 'too-large';
        add(read.error.message);
      } else if (!read.content) {
        code = 'no-contents';
        add(
          `resources/read answered ${plural(read.contentCount, 'content entry', 'content entries')}, none of them an object`,
        );
      } else if (read.content.encoding === 'none') {
        code = 'no-contents';
        add('the content has neither text nor blob');
      } else if (read.content.decodeError) {
        code = 'bad-blob';
        add(read.content.decodeError);
      }
    }
    if (items.length === 0) {
      const read = templates.filter((x) => x.read).length;
      if (read === 0)
        return pass('No widget template URI could be read (see widgets.template-uri)');
      return pass(`${plural(read, 'widget template')} read`);
    }
    return {
      status: 'fail',
      code,
      message: `${listed(items.map((i) => i.subject))}: ${items[0]?.detail ?? ''}`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
    };
  },
});
