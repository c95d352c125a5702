import { escapeInvisible, evidence } from './escape';
import { findMixedScriptName, findMixedScriptWords } from './homoglyphs';
import { findInstructionPatterns } from './instruction-patterns';
import { findInvisible } from './invisible-chars';
import {
  POISONING_KINDS,
  type Match,
  type PoisoningFinding,
  type PoisoningResult,
} from './poisoning-schema';
import { shadowingDetector } from './shadowing';
import { toolFields } from './tool-fields';

/**
 * Tool poisoning, found offline in what tools/list and initialize returned (issue 15): smuggled
 * characters (invisible, tag, bidi, lookalike letters) are errors — nobody writes them by
 * accident into a tool name or description — and wording addressed to the model (hidden
 * instruction blocks, requests for secrets, exfiltration URLs, shadowing of other tools) is a
 * warning, because a person should read it before trusting the server. Pure: the probe records,
 * this judges. See `poisoning-schema.ts` for the sources.
 */

/** Bounds on the work: a hostile server can list thousands of tools with megabytes of text. */
export const POISONING_LIMITS = {
  tools: 2_000,
  charsPerField: 20_000,
  totalChars: 4_000_000,
  findings: 200,
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kinds that judge prose: everything but names. */
function proseMatches(
  text: string,
  self: string | null,
  shadowing: (t: string, s: string | null) => Match[],
): Match[] {
  return [
    ...findInvisible(text),
    ...findMixedScriptWords(text),
    ...findInstructionPatterns(text),
    ...shadowing(text, self),
  ];
}

/**
 * Findings in a server's tools (the raw `tools` of tools/list, all pages) and its `instructions`
 * from initialize. Tools that are not objects are skipped; a tool without a string name is named
 * `tools[i]`.
 */
export function analyzeToolPoisoning(
  tools: unknown[],
  instructions: string | null,
): PoisoningResult {
  const findings: PoisoningFinding[] = [];
  let truncated = tools.length > POISONING_LIMITS.tools;
  let budget = POISONING_LIMITS.totalChars;
  const scanned = tools.slice(0, POISONING_LIMITS.tools);
  const names = scanned.flatMap((t) => (isRecord(t) && typeof t.name === 'string' ? [t.name] : []));
  const shadowing = shadowingDetector(names);

  const scan = (
    tool: string | null,
    self: string | null,
    path: string,
    raw: string,
    isName: boolean,
  ) => {
    if (truncated && findings.length >= POISONING_LIMITS.findings) return;
    const limit = Math.min(POISONING_LIMITS.charsPerField, budget);
    if (raw.length > limit) truncated = true;
    const text = raw.slice(0, limit);
    budget -= text.length;
    const matches = isName
      ? [...findInvisible(text), ...findMixedScriptName(text)]
      : proseMatches(text, self, shadowing);
    for (const m of matches.sort((a, b) => a.start - b.start)) {
      if (findings.length >= POISONING_LIMITS.findings) {
        truncated = true;
        return;
      }
      findings.push({
        kind: m.kind,
        severity: POISONING_KINDS[m.kind],
        tool,
        field: path,
        span: { start: m.start, end: m.end, ...evidence(text, m.start, m.end) },
        detail: m.detail,
      });
    }
  };

  if (instructions !== null) scan(null, null, 'instructions', instructions, false);
  scanned.forEach((t, i) => {
    if (!isRecord(t) || budget <= 0) return;
    const self = typeof t.name === 'string' ? t.name : null;
    const label = self !== null ? escapeInvisible(self.slice(0, 200)) : `tools[${i}]`;
    const { fields, truncated: cut } = toolFields(t);
    if (cut) truncated = true;
    for (const f of fields) scan(label, self, f.path, f.text, f.isName);
  });
  if (budget <= 0) truncated = true;
  return { findings, truncated };
}
