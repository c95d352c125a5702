import { CLIENT_PROFILES } from '@/lib/clients';
import { factsFromReport } from '@/lib/clients/from-report';
import { verdict, type ClientVerdict, type Verdict } from '@/lib/clients/verdict';
import type { Report, ReportWithoutClients } from '@/lib/report/schema';

/** Every client profile's verdict on a judged report, in the profiles' order. Pure. */
export function clientVerdicts(report: ReportWithoutClients): ClientVerdict[] {
  const facts = factsFromReport(report);
  return CLIENT_PROFILES.map((profile) => verdict(facts, profile));
}

/**
 * Whether a client's verdict passes a CI job: `works`, or `degraded` unless strict. `unknown` never
 * does: a job that asked about a client must not pass on what the run could not see.
 */
export const healthyFor = (v: Verdict, strict: boolean): boolean =>
  v === 'works' || (v === 'degraded' && !strict);

/**
 * Adds the client verdicts; when the run named a client, that client's verdict becomes the report's
 * `healthy` (the rows, `status` and the table stay ChatGPT's).
 */
export function withClientVerdicts(report: ReportWithoutClients): Report {
  const clients = clientVerdicts(report);
  const chosen = report.request?.client;
  const decided = chosen ? clients.find((c) => c.id === chosen) : undefined;
  return {
    ...report,
    clients,
    ...(decided ? { healthy: healthyFor(decided.verdict, report.request?.strict ?? false) } : {}),
  };
}
