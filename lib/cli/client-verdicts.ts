import { CLIENT_PROFILES } from '@/lib/clients';
import { factsFromReport } from '@/lib/clients/from-report';
import { verdict, type ClientVerdict } from '@/lib/clients/verdict';
import type { Report } from '@/lib/report/schema';
import { terminalSafe } from '@/lib/report/text-summary';
import { UsageError } from './args';

/**
 * `--client chatgpt,claude`: the client profiles to judge the report for. Loaded only when the
 * option is given (lib/cli/run.ts), so a plain diagnosis does not load every profile's rules.
 */
export function clientProfiles(ids: readonly string[]) {
  return ids.map((id) => {
    const profile = CLIENT_PROFILES.find((p) => p.id === id);
    if (!profile) {
      throw new UsageError(
        `--client ${id.slice(0, 40)}: must be one of ${CLIENT_PROFILES.map((p) => p.id).join(', ')}`,
      );
    }
    return profile;
  });
}

/** Each named client's verdict on what the run saw, in the order the command line named them. */
export function clientVerdicts(
  report: Report,
  profiles: ReturnType<typeof clientProfiles>,
): ClientVerdict[] {
  const facts = factsFromReport(report);
  return profiles.map((profile) => verdict(facts, profile));
}

/** The verdicts under the text report: one line per client, then what decided it. */
export function clientVerdictsText(verdicts: readonly ClientVerdict[]): string {
  const lines = ['', 'Clients:'];
  for (const client of verdicts) {
    lines.push(`  ${client.name}: ${client.verdict}`);
    for (const reason of client.reasons.filter((r) => r.outcome !== 'ok')) {
      lines.push(
        `    - ${terminalSafe(reason.message)}${reason.check ? ` (${reason.check})` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
