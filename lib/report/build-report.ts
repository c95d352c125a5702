import { CHECKS } from '@/lib/checks';
import { runCheck } from '@/lib/checks/define';
import { withWidgetFindings } from '@/lib/widgets/findings';
import { REPORT_SCHEMA_VERSION, type Report, type Transcript } from './schema';
import { serverInfo } from './server-info';
import { AREAS, orderChecks, overallStatus, summarizeRow } from './summarize';

/** Judges a transcript with every registered check. Pure: a saved transcript can be re-checked later. */
export function buildReport(transcript: Transcript): Report {
  const checks = orderChecks(CHECKS.map((check) => runCheck(check, transcript)));
  const rows = AREAS.map((area) => summarizeRow(area, checks, transcript));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    url: transcript.target.url,
    status: overallStatus(rows),
    rows,
    checks,
    server: serverInfo(transcript),
    ...transcript,
    widgets: withWidgetFindings(transcript.widgets, checks),
  };
}
