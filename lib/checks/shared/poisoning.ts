import { isRecord } from '@/lib/json/is-record';
import { escapeInvisible } from '@/lib/analysis/escape';
import { analyzeToolPoisoning } from '@/lib/analysis/tool-poisoning';
import type {
  PoisoningFinding,
  PoisoningKind,
  PoisoningResult,
} from '@/lib/analysis/poisoning-schema';
import type { FindingItem, Transcript } from '@/lib/report/schema';
import type { Outcome } from '../define';
import { passUnlessPartial, toolEntries, toolsToCheck } from './tool-entries';

/**
 * The tool-poisoning analysis (lib/analysis/tool-poisoning.ts) of a transcript's tools and its
 * server `instructions`, shared by the two security checks of the Tools row; memoized per
 * transcript, as both read it.
 */
const cache = new WeakMap<unknown[], PoisoningResult>();

/** The `instructions` of the initialize result, when it is a string. */
export function serverInstructions(t: Transcript): string | null {
  const result = t.mcp?.initializeResult;
  return isRecord(result) && typeof result.instructions === 'string' ? result.instructions : null;
}

function analysis(t: Transcript): PoisoningResult {
  const known = cache.get(t.tools);
  if (known) return known;
  const result = analyzeToolPoisoning(t.tools, serverInstructions(t));
  cache.set(t.tools, result);
  return result;
}

/** Where a finding's text came from: the tools/list page of its tool, or the initialize answer. */
function evidenceFor(t: Transcript, finding: PoisoningFinding): string[] {
  if (finding.tool === null) return t.mcp?.initializeExchangeId ? [t.mcp.initializeExchangeId] : [];
  // The analysis names a tool by its name escaped and bounded, or `tools[i]` without one.
  const entry = toolEntries(t).find((e) =>
    e.name === null
      ? `tools[${e.index}]` === finding.tool
      : escapeInvisible(e.name.slice(0, 200)) === finding.tool,
  );
  return entry?.exchangeId ? [entry.exchangeId] : [];
}

/** One table row: the tool (or the server's instructions), the field, what was found, the span escaped. */
const itemOf = (t: Transcript, f: PoisoningFinding): FindingItem => ({
  subject: f.tool ?? 'server instructions',
  detail: `${f.field}: ${f.detail} — “${f.span.context}”`,
  evidence: evidenceFor(t, f),
});

/**
 * The outcome of one poisoning check: its kinds' findings as a failure whose code is the first
 * kind (in `codes` order) found, or a pass once the whole list was read.
 */
export function poisoningOutcome<Code extends PoisoningKind>(
  t: Transcript,
  codes: readonly [Code, ...Code[]],
  /** What the subjects did, for one subject and for several. */
  verb: readonly [one: string, many: string],
  passMessage: string,
): Outcome<Code> {
  const checkable = toolsToCheck(t);
  if ('outcome' in checkable) return checkable.outcome;
  const result = analysis(t);
  const wanted = new Set<PoisoningKind>(codes);
  const findings = result.findings.filter((f) => wanted.has(f.kind));
  const note = result.truncated
    ? ' (the analysis stopped at its bounds: not everything was read)'
    : '';
  if (findings.length === 0) return passUnlessPartial(t, `${passMessage}${note}`);
  const code = codes.find((c) => findings.some((f) => f.kind === c)) ?? codes[0];
  const subjects = [...new Set(findings.map((f) => f.tool ?? 'server instructions'))];
  const first = findings[0];
  const shown =
    subjects.slice(0, 5).join(', ') +
    (subjects.length > 5 ? ` and ${subjects.length - 5} more` : '');
  return {
    status: 'fail',
    code,
    severity: findings.some((f) => f.severity === 'error') ? 'error' : 'warning',
    message: `${shown} ${verb[subjects.length === 1 ? 0 : 1]}${first ? `: ${first.field} — ${first.detail} (“${first.span.text}”)` : ''}${note}`,
    evidence: [...new Set(findings.flatMap((f) => evidenceFor(t, f)))],
    items: findings.map((f) => itemOf(t, f)),
  };
}
