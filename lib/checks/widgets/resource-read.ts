import { plural } from '@/lib/text/plural';
import type { FindingItem } from '@/lib/report/schema';
import { blocked, defineCheck, pass } from '../define';
import { VERIFY } from '../shared/blocked';
import { closest } from '../shared/closest';
import {
  DOCS,
  isOutcome,
  listed,
  readEvidence,
  renderedTemplates,
  widgetsOf,
} from './shared/context';

const CODES = ['read-failed', 'too-large', 'no-contents', 'bad-blob'] as const;

/** A host fetches the template with `resources/read` (SEP-1865 "Resource Discovery": the resource MUST exist). */
export default defineCheck({
  id: 'widgets.resource-read',
  area: 'widgets',
  severity: 'error',
  title: 'Every widget template can be read',
  failureTitle: 'A widget template cannot be read',
  fix: 'Register the template under exactly the URI the tool declares, and return it from resources/read as contents: [{ uri, mimeType, text: "<!doctype html>…" }].',
  docs: DOCS.extApps,
  codes: CODES,
  run(t) {
    const found = widgetsOf(t);
    if (isOutcome(found)) return found;
    const items: FindingItem[] = [];
    let code: (typeof CODES)[number] = 'read-failed';
    const notRead: string[] = [];
    const templates = renderedTemplates(found.probe);
    const listedUris = (found.probe.resources?.items ?? []).flatMap((r) =>
      typeof r === 'object' && r !== null && typeof (r as { uri?: unknown }).uri === 'string'
        ? [(r as { uri: string }).uri]
        : [],
    );
    for (const { uri, read, tools } of templates) {
      const add = (detail: string, fix?: string) =>
        items.push({
          subject: uri,
          detail: `${detail} (rendered by ${listed(tools, 10)})`,
          evidence: readEvidence(read),
          ...(fix ? { fix } : {}),
        });
      if (!read) {
        notRead.push(uri);
        continue;
      }
      if (read.error) {
        if (read.error.code === 'body-too-large') code = 'too-large';
        // A template renamed on one side only: the listed URI a typo or a version away.
        const near = code === 'read-failed' ? closest(uri, listedUris) : null;
        add(
          read.error.message,
          near
            ? `Did you mean ${near}? The server lists it: point the tool's template URI (_meta.ui.resourceUri, openai/outputTemplate) at it, or serve the template under ${uri}.`
            : undefined,
        );
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
      if (notRead.length) {
        const why = found.probe.stoppedEarly ?? 'the run ended before they were read';
        return blocked(
          'connection.latency',
          `skipped: ${listed(notRead)} ${notRead.length === 1 ? 'was' : 'were'} not read: ${why}`,
          VERIFY.time,
        );
      }
      if (templates.length === 0) {
        return blocked(
          'widgets.template-uri',
          'skipped: no declared template has a URI that can be read (see widgets.template-uri)',
        );
      }
      return pass(`${plural(templates.length, 'widget template')} read`);
    }
    return {
      status: 'fail',
      code,
      message: `${listed(items.map((i) => i.subject))}: ${items[0]?.detail ?? ''}`,
      evidence: items.flatMap((i) => i.evidence ?? []),
      items,
      // One template, one precise fix: the row says it too.
      ...(items.length === 1 && items[0]?.fix ? { fix: items[0].fix } : {}),
    };
  },
});
