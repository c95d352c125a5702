import { isRecord } from '@/lib/json/is-record';
import { defineCheck } from '../define';
import { hintValue } from '../shared/tool-annotations';
import {
  describeValue,
  everyTool,
  passUnlessPartial,
  toolFindingsOutcome,
  toolsToCheck,
  type ToolFinding,
} from '../shared/tool-entries';

const CODES = ['invalid-annotations', 'read-only-and-destructive', 'no-read-only-hint'] as const;

const FIXES: Record<(typeof CODES)[number], string> = {
  'invalid-annotations':
    'Make annotations an object whose hints are booleans, e.g. annotations: { readOnlyHint: true, openWorldHint: false }; a string or null in it makes SDK-based clients drop every tool.',
  'read-only-and-destructive':
    'A read-only tool changes nothing, so it cannot be destructive: drop destructiveHint: true, or set readOnlyHint: false if the tool does delete or overwrite data.',
  'no-read-only-hint':
    'Register tools that only read with annotations: { readOnlyHint: true } (and write tools with readOnlyHint: false, plus destructiveHint and openWorldHint), e.g. server.registerTool("search", { …, annotations: { readOnlyHint: true } }, handler).',
};

/**
 * ChatGPT asks the user to confirm every call of a tool not marked read-only (Apps SDK reference,
 * "Annotations"); MCP 2025-11-25 `ToolAnnotations` defines the hints and their defaults.
 */
export default defineCheck({
  id: 'tools.annotations',
  area: 'tools',
  severity: 'info',
  title: 'Tools declare whether they are read-only',
  failureTitle: 'Some tools do not say whether they are read-only, or say it inconsistently',
  fix: FIXES['no-read-only-hint'],
  docs: 'https://developers.openai.com/apps-sdk/reference',
  codes: CODES,
  run(t) {
    const checkable = toolsToCheck(t);
    if ('outcome' in checkable) return checkable.outcome;
    const { entries } = checkable;

    const findings: ToolFinding<(typeof CODES)[number]>[] = [];
    for (const entry of entries) {
      if (!entry.fields) continue;
      const annotations = entry.fields.annotations;
      if (annotations !== undefined && !isRecord(annotations)) {
        findings.push({
          entry,
          code: 'invalid-annotations',
          severity: 'error',
          detail: `annotations is ${describeValue(annotations)}, not an object`,
        });
        continue;
      }
      const invalid = entry.issues.filter((i) => i.field === 'annotations');
      if (invalid.length) {
        const detail = invalid
          .map(
            (i) =>
              `${i.path} is ${describeValue(pathValue(entry.fields, i.path))}; ${i.message.replace(/, received \w+$/, '')}`,
          )
          .join('; ');
        findings.push({ entry, code: 'invalid-annotations', severity: 'error', detail });
        continue;
      }
      const readOnly = hintValue(entry.raw, 'readOnlyHint');
      if (readOnly === true && hintValue(entry.raw, 'destructiveHint') === true) {
        findings.push({
          entry,
          code: 'read-only-and-destructive',
          severity: 'warning',
          detail:
            'sets both readOnlyHint: true and destructiveHint: true; ChatGPT cannot tell whether to ask before running it',
        });
      } else if (readOnly === 'absent') {
        findings.push({
          entry,
          code: 'no-read-only-hint',
          severity: 'info',
          detail: `has no readOnlyHint: ChatGPT will treat ${entry.label} as a write action and ask the user to confirm`,
        });
      }
    }

    if (findings.length) {
      const only = new Set(findings.map((f) => f.code)).size === 1 ? findings[0]?.code : undefined;
      return toolFindingsOutcome(findings, entries.length, {
        codes: CODES,
        verb:
          only === 'no-read-only-hint'
            ? { one: 'has no readOnlyHint', many: 'have no readOnlyHint' }
            : { one: 'has annotations to fix', many: 'have annotations to fix' },
        fix: (code) => FIXES[code],
      });
    }
    const readOnly = entries.filter((e) => hintValue(e.raw, 'readOnlyHint') === true).length;
    return passUnlessPartial(
      t,
      everyTool(entries.length, 'The tool declares readOnlyHint', 'tools declare readOnlyHint') +
        ` (${readOnly} read-only)`,
    );
  },
});

/** The value at a dotted path inside a tool, for showing what was sent. */
function pathValue(tool: Record<string, unknown> | null, path: string): unknown {
  let value: unknown = tool;
  for (const key of path.split('.')) {
    value = isRecord(value) ? value[key] : undefined;
  }
  return value;
}
