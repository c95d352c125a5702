import { z } from 'zod';
import type { ClientFacts, Evidence } from './facts';

/**
 * Who says a rule holds: `documented` — the vendor's own published documentation (or the spec);
 * `observed` — seen in practice: user reports, a vendor's staff answering in an issue tracker,
 * third-party tests. docs/client-facts.md records what each source says.
 */
export const ProvenanceSchema = z.enum(['documented', 'observed']);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const RuleSourceSchema = z.object({
  url: z.url({ protocol: /^https$/ }),
  /** The date of the source text, or of the check when it has none (ISO 8601). */
  asOf: z.iso.date(),
  provenance: ProvenanceSchema,
});
export type RuleSource = z.infer<typeof RuleSourceSchema>;

export const RuleOutcomeKindSchema = z.enum(['ok', 'degraded', 'blocked', 'unknown']);
export type RuleOutcomeKind = z.infer<typeof RuleOutcomeKindSchema>;

export const RuleOutcomeSchema = z.object({
  outcome: RuleOutcomeKindSchema,
  /** One line for the user, naming the value seen. */
  message: z.string(),
  /** The check that proves it, when one does. */
  check: z.string().optional(),
  /** Exchange ids that prove it. */
  evidence: z.array(z.string()).optional(),
  /**
   * `unknown` only: what was not seen lies behind the server's sign-in, which the run did not pass
   * (no token was given). Such an unknown does not make the verdict unknown; see ./verdict.ts.
   */
  afterSignIn: z.boolean().optional(),
});
export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;

export interface ClientRule {
  /** `<client>.<rule>`, unique across every profile. */
  id: `${string}.${string}`;
  /** What the client requires, in one line. */
  summary: string;
  source: RuleSource;
  /**
   * Whether this rule decides if the client can reach and talk to the server at all (address,
   * scheme, port, the first answer, protocol era, sign-in). An undecided gate makes the verdict
   * `unknown`; an undecided non-gate rule is listed and leaves the verdict as it is.
   */
  gate: boolean;
  evaluate(facts: ClientFacts): RuleOutcome;
}

export const defineRule = (rule: ClientRule): ClientRule => rule;

export const ok = (message: string, proof: Proof = {}): RuleOutcome => ({
  outcome: 'ok',
  message,
  ...proofOf(proof),
});
export const degraded = (message: string, proof: Proof = {}): RuleOutcome => ({
  outcome: 'degraded',
  message,
  ...proofOf(proof),
});
export const blocked = (message: string, proof: Proof = {}): RuleOutcome => ({
  outcome: 'blocked',
  message,
  ...proofOf(proof),
});
export const unknown = (
  message: string,
  proof: Proof = {},
  options: { afterSignIn?: boolean } = {},
): RuleOutcome => ({
  outcome: 'unknown',
  message,
  ...proofOf(proof),
  ...(options.afterSignIn ? { afterSignIn: true } : {}),
});

/** The evidence of a fact (or several facts merged), as an outcome carries it. */
type Proof = Partial<Evidence>;

function proofOf({ check, exchanges }: Proof): Pick<RuleOutcome, 'check' | 'evidence'> {
  return {
    ...(check ? { check } : {}),
    ...(exchanges?.length ? { evidence: [...new Set(exchanges)] } : {}),
  };
}

/** One client: its rules, each with its source. The table of profiles is ./index.ts. */
export interface ClientProfile {
  id: string;
  /** How the client is named to users. */
  name: string;
  rules: readonly ClientRule[];
}

/**
 * Rules several clients share, each built for one client with that client's own source: the same
 * requirement has a different owner (and date) in every vendor's documentation.
 */
export interface RuleTarget {
  client: { id: string; name: string };
  source: RuleSource;
}

export const ruleId = (t: RuleTarget, name: string) => `${t.client.id}.${name}` as const;

/** Merges the evidence of several facts. */
export const proof = (...evidence: Evidence[]): Evidence => ({
  check: evidence.find((e) => e.check)?.check,
  exchanges: evidence.flatMap((e) => e.exchanges),
});

/** What lies behind sign-in was not seen when the server asked for it and the run had no token. */
export function notSeen(facts: ClientFacts, what: string, evidence: Evidence): RuleOutcome {
  return facts.handshake.value === 'auth-required'
    ? unknown(`${what} shows after sign-in.`, evidence, { afterSignIn: true })
    : unknown(`${what} was not seen.`, evidence);
}
