import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
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

const CODES = ['duplicate-name', 'missing-name', 'empty-name', 'invalid-name'] as const;

/** Positions of the tools sharing a name listed in each duplicate's finding. */
const MAX_POSITIONS = 10;

/**
 * MCP 2025-11-25 "Tool Names": unique within a server, 1–128 characters of A-Z a-z 0-9 _ - . — a
 * client keys tools by name, so a duplicate or empty name loses a tool; other characters break
 * clients that map names onto their own function-name rules.
 */
export default defineCheck({
  id: 'tools.name',
  area: 'tools',
  severity: 'error',
  title: 'Every tool has a unique, well-formed name',
  failureTitle: 'Some tool names are missing, duplicated or malformed',
  fix: 'Rename the tools: each name unique, 1–128 characters, only A-Z a-z 0-9 _ - . (for example search_docs or admin.tools.list).',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-names',
  codes: CODES,
  run(t) {
    const checkable = toolsToCheck(t);
    if ('outcome' in checkable) return checkable.outcome;
    const { entries } = checkable;

    const byName = new Map<string, number[]>();
    for (const entry of entries) {
      if (!entry.name) continue;
      const same = byName.get(entry.name);
      if (same) same.push(entry.index);
      else byName.set(entry.name, [entry.index]);
    }

    const findings: ToolFinding<(typeof CODES)[number]>[] = [];
    for (const entry of entries) {
      const raw = entry.fields?.name;
      if (entry.name === null) {
        const detail = entry.fields
          ? `has no name (name is ${describeValue(raw)})`
          : `is ${describeValue(entry.raw)}, not a tool object`;
        findings.push({ entry, code: 'missing-name', severity: 'error', detail });
        continue;
      }
      if (entry.name === '') {
        findings.push({
          entry,
          code: 'empty-name',
          severity: 'error',
          detail: 'has an empty name',
        });
        continue;
      }
      const same = byName.get(entry.name) ?? [];
      if (same.length > 1) {
        // A bounded list: a server can send thousands of tools under one name, and listing every
        // position in every one's finding would make the report quadratic in the tool count.
        const shown = same.slice(0, MAX_POSITIONS).map((i) => `#${i + 1}`);
        if (same.length > MAX_POSITIONS) shown.push(`… ${same.length - MAX_POSITIONS} more`);
        const positions = shown.join(', ');
        findings.push({
          entry,
          code: 'duplicate-name',
          severity: 'error',
          detail: `tool #${entry.index + 1} shares its name with ${same.length - 1} other tool${same.length > 2 ? 's' : ''} (${positions}); clients keep only one`,
        });
      }
      const { isValid, warnings } = validateToolName(entry.name);
      if (!isValid) {
        const reasons = warnings
          .filter((w) => !w.startsWith('Allowed characters'))
          .map((w) => w.replace(/^Tool name /, ''));
        findings.push({
          entry,
          code: 'invalid-name',
          severity: 'warning',
          detail: `${quote(entry.name)} ${reasons.join('; ')}`,
        });
      }
    }

    if (findings.length) {
      return toolFindingsOutcome(findings, entries.length, {
        codes: CODES,
        verb: { one: 'has a name problem', many: 'have name problems' },
      });
    }
    return passUnlessPartial(
      t,
      everyTool(
        entries.length,
        'The tool name is unique and well-formed',
        'tool names are unique and well-formed',
      ),
    );
  },
});
