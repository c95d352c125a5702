import {
  REPORT_SCHEMA_VERSION,
  ReportSchema,
  TranscriptSchema,
  type Report,
} from '@/lib/report/schema';
import { buildReport } from './build-report';
import { withClientVerdicts } from './client-verdicts';

/** Version 2 as saved before `clients` was added to it. */
const WithoutClientsSchema = ReportSchema.extend({
  clients: ReportSchema.shape.clients.optional(),
});

/**
 * A report as any version saved it: one of the current schema version is read as it is; an older
 * one is judged again from the transcript it carries, so it gains what the current checks say
 * (`unverified` rows, `healthy`); one saved before client verdicts existed gains them, judged from
 * the report as it is. Throws a ZodError when the data is not a report at all.
 */
export function upgradeReport(raw: unknown): Report {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === REPORT_SCHEMA_VERSION) {
    const { clients, ...report } = WithoutClientsSchema.parse(raw);
    return clients ? { ...report, clients } : withClientVerdicts(report);
  }
  return buildReport(TranscriptSchema.parse(raw));
}
