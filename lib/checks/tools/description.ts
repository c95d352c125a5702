import { defineCheck } from '../define';
import {
  describeValue,
  everyTool,
  quote,
  passUnlessPartial,
  toolFindingsOutcome,
  toolsToCheck,
  type ToolFinding,
} from '../shared/tool-entries';

const FIXES: Partial<Record<(typeof CODES)[number], string>> = {
  'invalid-description':
    'Make description a plain string; a number, object or null makes SDK-based clients drop every tool.',
  'long-description':
    'Shorten the description to what the model needs to choose the tool — what it does and when to use it, under 1,000 characters; move examples and edge cases into the parameters’ descriptions or the tool’s output.',
};

/** Shorter than this says too little for the model to choose the tool by. */
export const MIN_DESCRIPTION = 20;
/** Longer than this crowds the model's context, where every tool's description competes. */
export const MAX_DESCRIPTION = 1000;

const CODES = [
  'invalid-description',
  'missing-description',
  'short-description',
  'long-description',
] as const;

/** The model picks a tool by its description (Apps SDK, "Define tools": discovery is driven by metadata). */
export default defineCheck({
  id: 'tools.description',
  area: 'tools',
  severity: 'warning',
  title: 'Every tool has a useful description',
  failureTitle: 'Some tools have a missing, short or very long description',
  fix: `Describe each tool in one or two sentences (${MIN_DESCRIPTION}–${MAX_DESCRIPTION} characters) that say when to use it, e.g. "Use this when the user asks to find pages in the product docs."`,
  docs: 'https://developers.openai.com/apps-sdk/plan/tools',
  codes: CODES,
  run(t) {
    const checkable = toolsToCheck(t);
    if ('outcome' in checkable) return checkable.outcome;
    const { entries } = checkable;

    const findings: ToolFinding<(typeof CODES)[number]>[] = [];
    for (const entry of entries) {
      if (!entry.fields) continue;
      const description = entry.fields.description;
      if (description === undefined) {
        findings.push({
          entry,
          code: 'missing-description',
          severity: 'warning',
          detail: 'has no description',
        });
      } else if (typeof description !== 'string') {
        findings.push({
          entry,
          code: 'invalid-description',
          severity: 'error',
          detail: `description is ${describeValue(description)}, not a string; the MCP SDK rejects the whole tool list`,
        });
      } else {
        const length = [...description.trim()].length;
        if (length < MIN_DESCRIPTION) {
          const shown =
            length === 0
              ? 'is empty'
              : `${quote(description)} is ${length} character${length === 1 ? '' : 's'}`;
          findings.push({
            entry,
            code: 'short-description',
            severity: 'warning',
            detail: `description ${shown}; under ${MIN_DESCRIPTION} the model has little to choose by`,
          });
        } else if (length > MAX_DESCRIPTION) {
          findings.push({
            entry,
            code: 'long-description',
            severity: 'warning',
            detail: `description is ${length.toLocaleString('en-US')} characters; over ${MAX_DESCRIPTION.toLocaleString('en-US')} crowds the model's context`,
          });
        }
      }
    }

    if (findings.length) {
      return toolFindingsOutcome(findings, entries.length, {
        codes: CODES,
        verb: { one: 'needs a better description', many: 'need better descriptions' },
        fix: (code) => FIXES[code],
      });
    }
    return passUnlessPartial(
      t,
      everyTool(
        entries.length,
        `The tool has a description of ${MIN_DESCRIPTION}–${MAX_DESCRIPTION} characters`,
        `tools have descriptions of ${MIN_DESCRIPTION}–${MAX_DESCRIPTION} characters`,
      ),
    );
  },
});
