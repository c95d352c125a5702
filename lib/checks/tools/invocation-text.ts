import { isRecord } from '@/lib/json/is-record';
import { defineCheck, notApplicable } from '../define';
import {
  describeValue,
  quote,
  passUnlessPartial,
  toolFindingsOutcome,
  toolsToCheck,
  type ToolFinding,
} from '../shared/tool-entries';

const CODES = ['invocation-text-too-long', 'invocation-text-not-string'] as const;

/** Apps SDK reference, tool descriptor `_meta`: both status texts are limited to 64 characters. */
export const MAX_INVOCATION_TEXT = 64;
const KEYS = ['openai/toolInvocation/invoking', 'openai/toolInvocation/invoked'] as const;

/** ChatGPT shows these short status lines while a tool runs and once it is done. */
export default defineCheck({
  id: 'tools.invocation-text',
  area: 'tools',
  severity: 'warning',
  title: 'Tool status texts fit ChatGPT’s 64-character limit',
  failureTitle: 'Some tool status texts are too long or not text',
  fix: `Keep _meta["openai/toolInvocation/invoking"] and _meta["openai/toolInvocation/invoked"] to ${MAX_INVOCATION_TEXT} characters or fewer, e.g. "Searching the docs…" and "Found matching pages".`,
  docs: 'https://developers.openai.com/apps-sdk/reference',
  codes: CODES,
  run(t) {
    const checkable = toolsToCheck(t);
    if ('outcome' in checkable) return checkable.outcome;
    const { entries } = checkable;

    let declaring = 0;
    const findings: ToolFinding<(typeof CODES)[number]>[] = [];
    for (const entry of entries) {
      const meta = entry.fields?._meta;
      if (!isRecord(meta)) continue;
      const present = KEYS.filter((key) => meta[key] !== undefined);
      if (present.length) declaring += 1;
      for (const key of present) {
        const text = meta[key];
        if (typeof text !== 'string') {
          findings.push({
            entry,
            code: 'invocation-text-not-string',
            severity: 'warning',
            detail: `_meta["${key}"] is ${describeValue(text)}, not a string`,
          });
          continue;
        }
        const length = [...text].length;
        if (length > MAX_INVOCATION_TEXT) {
          findings.push({
            entry,
            code: 'invocation-text-too-long',
            severity: 'warning',
            detail: `_meta["${key}"] is ${length} characters (limit ${MAX_INVOCATION_TEXT}): ${quote(text, 80)}`,
          });
        }
      }
    }

    if (!declaring)
      return notApplicable('skipped: no tool sets openai/toolInvocation status texts');
    if (findings.length) {
      return toolFindingsOutcome(findings, entries.length, {
        codes: CODES,
        verb: {
          one: 'has a status text ChatGPT cannot show',
          many: 'have status texts ChatGPT cannot show',
        },
      });
    }
    return passUnlessPartial(
      t,
      `The status texts of ${declaring} tool${declaring === 1 ? '' : 's'} fit in ${MAX_INVOCATION_TEXT} characters`,
    );
  },
});
