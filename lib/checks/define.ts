import type {
  Area,
  CheckGroup,
  CheckResult,
  FindingItem,
  Severity,
  Transcript,
} from '@/lib/report/schema';

/**
 * A check id as a check module writes it, `<area>.<name>`. The exact union of registered ids is
 * `CheckId` in ./index.ts, derived from the registry; this looser form is what a check may name
 * as the owner of a cause (checked against the registry by the registry test).
 */
export type CheckRef = `${Area}.${string}`;

/** What a check's `run` returns. Only the runner turns a throw into an `error` result. */
export type Outcome<Code extends string = string> =
  | { status: 'pass'; message?: string }
  /** The check does not apply to this server (no widget declared, no token given…). */
  | { status: 'skipped'; cause: 'not-applicable'; reason: string }
  /**
   * The check's input is missing because something earlier failed or could not be reached: the
   * check says nothing about the server, and names the check that owns the cause. `verify` says
   * what would let the check run ("sign in, or pass --token, to list tools").
   */
  | { status: 'skipped'; cause: 'blocked'; reason: string; owner: CheckRef; verify?: string }
  | {
      status: 'fail';
      /** Stable id of the kind of failure, declared in the check's `codes`; never prose. */
      code: Code;
      /** One line naming the concrete value seen. */
      message: string;
      /** Overrides the check's severity when one check has failures of several weights. */
      severity?: Severity;
      evidence?: string[];
      items?: FindingItem[];
      /** Overrides the check's fix when the failure calls for a more precise one. */
      fix?: string;
    };

export interface CheckDefinition<Id extends CheckRef = CheckRef, Code extends string = string> {
  id: Id;
  area: Area;
  /**
   * A group within the area's row: `security` marks checks about what the server tells the model
   * and the browser (tool poisoning, widget CSP coverage, local exposure), labelled so in the UI.
   */
  group?: CheckGroup;
  /** Severity of a failure unless the outcome says otherwise. */
  severity: Severity;
  /** Shown on a pass ("The URL is served over HTTPS"). */
  title: string;
  /** Shown on a failure ("The URL is not served over HTTPS"). */
  failureTitle: string;
  fix: string;
  /** https link to the spec or guide the check follows. */
  docs: string;
  /** Every failure code `run` may return: the stable vocabulary tests, the UI and CI match on. */
  codes: readonly Code[];
  run(transcript: Transcript): Outcome<Code>;
}

/** Declares a check; the id and the codes keep their literal types, so a typo is a type error. */
export const defineCheck = <const Id extends CheckRef, const Code extends string>(
  check: CheckDefinition<Id, Code>,
): CheckDefinition<Id, Code> => check;

export const pass = (message?: string): Outcome<never> => ({
  status: 'pass',
  ...(message ? { message } : {}),
});

export const notApplicable = (reason: string): Outcome<never> => ({
  status: 'skipped',
  cause: 'not-applicable',
  reason,
});

export const blocked = (owner: CheckRef, reason: string, verify?: string): Outcome<never> => ({
  status: 'skipped',
  cause: 'blocked',
  reason,
  owner,
  ...(verify ? { verify } : {}),
});

const base = (check: CheckDefinition) => ({
  id: check.id,
  area: check.area,
  ...(check.group ? { group: check.group } : {}),
  docs: check.docs,
});

/** A bug in MCP Doctor, reported as a result so one broken check never sinks the report. */
function crashed(check: CheckDefinition, message: string): CheckResult {
  return {
    ...base(check),
    title: check.failureTitle,
    status: 'error',
    severity: check.severity,
    code: 'check-crashed',
    message,
    fix: 'This is a bug in MCP Doctor, not in your server; please report it with the exported run.',
    evidence: [],
    items: [],
    skip: null,
  };
}

/** The result of a check left out because the run was asked to skip its area. */
export function skippedOnRequest(check: CheckDefinition): CheckResult {
  return {
    ...base(check),
    title: check.title,
    status: 'skipped',
    severity: check.severity,
    code: null,
    message: 'skipped on request',
    fix: check.fix,
    evidence: [],
    items: [],
    skip: { cause: 'on-request', owner: null, verify: null },
  };
}

/** Runs one check, containing any throw (or an undeclared code) as an `error` result. */
export function runCheck(check: CheckDefinition, transcript: Transcript): CheckResult {
  let outcome: Outcome;
  try {
    outcome = check.run(transcript);
  } catch (error) {
    return crashed(
      check,
      `The check itself failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  switch (outcome.status) {
    case 'pass':
      return {
        ...base(check),
        title: check.title,
        status: 'pass',
        severity: check.severity,
        code: null,
        message: outcome.message ?? check.title,
        fix: check.fix,
        evidence: [],
        items: [],
        skip: null,
      };
    case 'skipped':
      return {
        ...base(check),
        title: check.title,
        status: 'skipped',
        severity: check.severity,
        code: null,
        message: outcome.reason,
        fix: check.fix,
        evidence: [],
        items: [],
        skip:
          outcome.cause === 'blocked'
            ? { cause: 'blocked', owner: outcome.owner, verify: outcome.verify ?? null }
            : { cause: 'not-applicable', owner: null, verify: null },
      };
    case 'fail':
      if (!check.codes.includes(outcome.code)) {
        return crashed(check, `The check returned the undeclared code "${outcome.code}".`);
      }
      return {
        ...base(check),
        title: check.failureTitle,
        status: 'fail',
        severity: outcome.severity ?? check.severity,
        code: outcome.code,
        message: outcome.message,
        fix: outcome.fix ?? check.fix,
        evidence: outcome.evidence ?? [],
        items: outcome.items ?? [],
        skip: null,
      };
  }
}
