import { CLIENT_PROFILES, type ClientId } from '@/lib/clients';
import { factsFromReport } from '@/lib/clients/from-report';
import { healthyFor, verdict, type ClientVerdict } from '@/lib/clients/verdict';
import type { Report, ReportWithoutClients } from '@/lib/report/schema';

/** Every client profile's verdict on a judged report, in the profiles' order. Pure. */
export function clientVerdicts(report: ReportWithoutClients): ClientVerdict[] {
  const facts = factsFromReport(report);
  return CLIENT_PROFILES.map((profile) => verdict(facts, profile));
}

/**
 * Adds the client verdicts; when the run named clients, their verdicts make the report's `healthy`
 * — every one of them must pass (the rows, `status` and the table stay ChatGPT's).
 */
export function withClientVerdicts(report: ReportWithoutClients): Report {
  const clients = clientVerdicts(report);
  const chosen = report.request?.client ?? [];
  const strict = report.request?.strict ?? false;
  const decided = clients.filter((c) => chosen.includes(c.id as ClientId));
  return {
    ...report,
    clients,
    ...(decided.length ? { healthy: decided.every((c) => healthyFor(c.verdict, strict)) } : {}),
  };
}
