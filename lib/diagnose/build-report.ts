import { CHECKS } from '@/lib/checks';
import { runCheck, skippedOnRequest } from '@/lib/checks/define';
import { REPORT_SCHEMA_VERSION, type Report, type Transcript } from '@/lib/report/schema';
import { withClientVerdicts } from './client-verdicts';
import { serverInfo } from './server-info';
import { judgement, orderChecks } from './summarize';
import { withWidgetFindings } from './widget-findings';

/**
 * Judges a transcript with every registered check, as the run asked (areas it skipped are left
 * out, its expectations judged like every other check), then every client profile. Pure: a saved transcript re-judged by a
 * later version gives that version's verdict.
 */
export function buildReport(transcript: Transcript): Report {
  const skipped = new Set<string>(transcript.request?.skip ?? []);
  const checks = orderChecks(
    CHECKS.map((check) =>
      skipped.has(check.area) ? skippedOnRequest(check) : runCheck(check, transcript),
    ),
  );
  return withClientVerdicts({
    ...transcript,
    schemaVersion: REPORT_SCHEMA_VERSION,
    url: transcript.target.url,
    ...judgement(checks, transcript),
    checks,
    server: serverInfo(transcript),
    widgets: withWidgetFindings(transcript.widgets, checks),
  });
}
