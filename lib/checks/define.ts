import type { Area, CheckResult, FindingItem, Severity, Transcript } from '@/lib/report/schema';

/** What a check's `run` returns. Only the runner turns a throw into an `error` result. */
export type Outcome =
  | { status: 'pass'; message?: string }
  | { status: 'skipped'; reason: string }
  | {
      status: 'fail';
      /** Stable id of the kind of failure, for tests and for the UI; never prose. */
      code: string;
      /** One line naming the concrete value seen. */
      message: string;
      /** Overrides the check's severity when one check has failures of several weights. */
      severity?: Severity;
      evidence?: string[];
      items?: FindingItem[];
      /** Overrides the check's fix when the failure calls for a more precise one. */
      fix?: string;
    };

export interface CheckDefinition {
  id: `${Area}.${string}`;
  area: Area;
  /** Severity of a failure unless the outcome says otherwise. */
  severity: Severity;
  /** Shown on a pass ("The URL is served over HTTPS"). */
  title: string;
  /** Shown on a failure ("The URL is not served over HTTPS"). */
  failureTitle: string;
  fix: string;
  /** https link to the spec or guide the check follows. */
  docs: string;
  run(transcript: Transcript): Outcome;
}

export const defineCheck = (check: CheckDefinition): CheckDefinition => check;

export const pass = (message?: string): Outcome => ({
  status: 'pass',
  ...(message ? { message } : {}),
});
export const skip = (reason: string): Outcome => ({ status: 'skipped', reason });

/** Runs one check, containing any throw so one broken check never sinks the report. */
export function runCheck(check: CheckDefinition, transcript: Transcript): CheckResult {
  const base = { id: check.id, area: check.area, docs: check.docs };
  let outcome: Outcome;
  try {
    outcome = check.run(transcript);
  } catch (error) {
    return {
      ...base,
      title: check.failureTitle,
      status: 'error',
      severity: check.severity,
      code: 'check-crashed',
      message: `The check itself failed: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'This is a bug in MCP Doctor, not in your server; please report it with the exported run.',
      evidence: [],
      items: [],
    };
  }
  switch (outcome.status) {
    case 'pass':
      return {
        ...base,
        title: check.title,
        status: 'pass',
        severity: check.severity,
        code: null,
        message: outcome.message ?? check.title,
        fix: check.fix,
        evidence: [],
        items: [],
      };
    case 'skipped':
      return {
        ...base,
        title: check.title,
        status: 'skipped',
        severity: check.severity,
        code: null,
        message: outcome.reason,
        fix: check.fix,
        evidence: [],
        items: [],
      };
    case 'fail':
      return {
        ...base,
        title: check.failureTitle,
        status: 'fail',
        severity: outcome.severity ?? check.severity,
        code: outcome.code,
        message: outcome.message,
        fix: outcome.fix ?? check.fix,
        evidence: outcome.evidence ?? [],
        items: outcome.items ?? [],
      };
  }
}
