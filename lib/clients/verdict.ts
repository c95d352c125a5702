import { z } from 'zod';
import type { ClientFacts } from './facts';
import {
  RuleOutcomeKindSchema,
  RuleSourceSchema,
  type ClientProfile,
  type RuleOutcome,
} from './rule';

export const VerdictSchema = z.enum(['works', 'degraded', 'blocked', 'unknown']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ReasonSchema = z.object({
  /** The rule that gave this reason. */
  rule: z.string(),
  outcome: RuleOutcomeKindSchema,
  message: z.string(),
  check: z.string().optional(),
  evidence: z.array(z.string()).optional(),
  /** `unknown` only: the fact lies behind sign-in, which the run did not pass. */
  afterSignIn: z.boolean().optional(),
  source: RuleSourceSchema,
});
export type Reason = z.infer<typeof ReasonSchema>;

export const ClientVerdictSchema = z.object({
  id: z.string(),
  name: z.string(),
  verdict: VerdictSchema,
  /** One per rule, the ones that decide the verdict first. */
  reasons: z.array(ReasonSchema),
});
export type ClientVerdict = z.infer<typeof ClientVerdictSchema>;

/**
 * Whether a client's verdict passes a CI job that named the client: `works`, or `degraded` unless
 * strict. `unknown` never does: a job must not pass on what the run could not see.
 */
export const healthyFor = (v: Verdict, strict: boolean): boolean =>
  v === 'works' || (v === 'degraded' && !strict);

const ORDER: Record<RuleOutcome['outcome'], number> = {
  blocked: 0,
  degraded: 1,
  unknown: 2,
  ok: 3,
};

/** A rule that throws is a bug in MCP Doctor: it reads as "could not decide", never as a pass. */
function evaluate(rule: ClientProfile['rules'][number], facts: ClientFacts): RuleOutcome {
  try {
    return rule.evaluate(facts);
  } catch (error) {
    return {
      outcome: 'unknown',
      message: `The rule itself failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Whether a client can use the server, from what the run saw:
 * - `blocked` when any rule blocks;
 * - else `degraded` when any rule degrades;
 * - else `unknown` when a gate rule (one that decides whether the client can reach the server,
 *   talk to it and sign in at all) could not be decided — unless only sign-in stood in the way of
 *   seeing it (`afterSignIn`): a verdict without a token is a verdict on what a client sees before
 *   signing in, and what lies beyond is listed as not seen;
 * - else `works`. Non-gate rules that could not be decided are listed and change nothing.
 */
export function verdict(facts: ClientFacts, profile: ClientProfile): ClientVerdict {
  const judged = profile.rules.map((rule) => ({ rule, outcome: evaluate(rule, facts) }));
  const kinds = judged.map((j) => j.outcome.outcome);
  const undecidedGate = judged.some(
    ({ rule, outcome }) => rule.gate && outcome.outcome === 'unknown' && !outcome.afterSignIn,
  );
  const result: Verdict = kinds.includes('blocked')
    ? 'blocked'
    : kinds.includes('degraded')
      ? 'degraded'
      : undecidedGate
        ? 'unknown'
        : 'works';
  const reasons = judged
    .map(({ rule, outcome }) => ({ rule: rule.id, ...outcome, source: rule.source }))
    .sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
  return { id: profile.id, name: profile.name, verdict: result, reasons };
}
