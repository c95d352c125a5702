import { defineCheck } from '../define';
import { poisoningOutcome } from '../shared/poisoning';

const CODES = [
  'tag-char',
  'bidi-override',
  'invisible-char',
  'mixed-script-name',
  'mixed-script-word',
] as const;

/**
 * Characters the model reads and the person approving the server does not see: Unicode tag
 * characters (U+E0000–E007F spell hidden ASCII), zero-width and bidi controls (Trojan Source,
 * CVE-2021-42574), and names mixing scripts so that one tool passes for another. Nobody types them
 * into a tool by accident, so each is an error; the evidence shows them escaped (`\u200b`).
 */
export default defineCheck({
  id: 'tools.smuggled-characters',
  area: 'tools',
  group: 'security',
  severity: 'error',
  title: 'No invisible or lookalike characters in tool metadata',
  failureTitle: 'Tool metadata smuggles invisible or lookalike characters',
  fix: 'Remove the characters shown escaped (\\u200b, \\u{e0041}, \\u202e…) from the tool names, titles, descriptions and schema texts, and keep names in one script (ASCII letters, digits, _ - .). If you did not write them, a dependency or a generated description did: treat the server as compromised until you know where they came from.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/server/tools#security-considerations',
  codes: CODES,
  run: (t) =>
    poisoningOutcome(
      t,
      CODES,
      ['carries characters a person cannot see', 'carry characters a person cannot see'],
      'No tool name, description or schema text holds invisible, bidi or lookalike characters',
    ),
});
