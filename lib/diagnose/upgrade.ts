import {
  REPORT_SCHEMA_VERSION,
  ReportSchema,
  TranscriptSchema,
  type Report,
} from '@/lib/report/schema';
import { buildReport } from './build-report';

/**
 * A report as any version saved it: one of the current schema version is read as it is; an older
 * one is judged again from the transcript it carries, so it gains what the current checks say
 * (`unverified` rows, `healthy`). Throws a ZodError when the data is not a report at all.
 */
export function upgradeReport(raw: unknown): Report {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === REPORT_SCHEMA_VERSION) return ReportSchema.parse(raw);
  return buildReport(TranscriptSchema.parse(raw));
}
