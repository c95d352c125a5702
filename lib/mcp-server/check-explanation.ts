import type { CheckDefinition } from '@/lib/checks/define';
import { areaOf } from '@/lib/report/areas';
import type { Severity } from '@/lib/report/schema';
import type { CheckExplanation } from './schemas';

/** What a failure of each severity does to the verdict (lib/diagnose/summarize.ts decides it). */
const CONSEQUENCE: Record<Severity, (row: string) => string> = {
  error: (row) =>
    `A failure is an error: it fails the “${row}” row and makes the endpoint unhealthy, because clients (ChatGPT first) cannot use the server until it is fixed.`,
  warning: (row) =>
    `A failure is a warning on the “${row}” row: the server works, but some clients degrade, hide part of it or ask the user more than they need to. It fails the run only in strict mode.`,
  info: (row) =>
    `A failure is a note on the “${row}” row: nothing breaks, but following it makes the server better for the model, for users or for publishing.`,
};

/**
 * A check explained from its own definition: what it verifies (its titles), what a failure does
 * to the verdict (its severity and row), the fix and the spec or guide it follows.
 */
export function explainCheck(check: CheckDefinition): CheckExplanation {
  const row = areaOf(check.area).title;
  return {
    id: check.id,
    area: check.area,
    row,
    severity: check.severity,
    title: check.title,
    failureTitle: check.failureTitle,
    whyItMatters: `When it fails: ${check.failureTitle}. ${CONSEQUENCE[check.severity](row)}`,
    fix: check.fix,
    docs: check.docs,
    codes: [...check.codes],
  };
}
