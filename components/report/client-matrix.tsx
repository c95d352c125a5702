import type { Reason, Verdict } from '@/lib/clients/verdict';
import type { Report } from '@/lib/report/schema';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { TONES, type Tone } from '@/components/ui/status';
import { EvidenceLinks } from './evidence-links';
import { exchangeLabels, type ExchangeLabels } from './exchange-labels';

const VERDICT: Record<Verdict, { tone: Tone; label: string }> = {
  works: { tone: 'pass', label: 'Works' },
  degraded: { tone: 'warn', label: 'Degraded' },
  blocked: { tone: 'fail', label: 'Blocked' },
  unknown: { tone: 'unverified', label: 'Unknown' },
};

const OUTCOME: Record<Reason['outcome'], { tone: Tone; label: string }> = {
  ok: { tone: 'pass', label: 'Holds' },
  degraded: { tone: 'warn', label: 'Degraded' },
  blocked: { tone: 'fail', label: 'Blocks' },
  unknown: { tone: 'skipped', label: 'Not seen' },
};

const PROVENANCE = { documented: 'documented by the vendor', observed: 'observed by users' };

/**
 * Which clients can use the server: one row per client profile with its verdict, the reason that
 * decides it, and every rule behind a disclosure — what it found, its source (link, provenance,
 * date) and the check or raw-log exchange that proves it.
 */
export function ClientMatrix({ report }: { report: Report }) {
  if (report.clients.length === 0) return null;
  const labels = exchangeLabels(report.exchanges);
  const chosen: readonly string[] = report.request?.client ?? [];
  return (
    <Section
      id="clients"
      title="Which clients can use it"
      aside="Each client’s own rules, with their sources"
    >
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <table
          className="block w-full border-collapse text-left text-sm md:table"
          data-testid="client-matrix"
        >
          <caption className="sr-only">
            Client verdicts for this endpoint: works, degraded, blocked or unknown
          </caption>
          <thead className="hidden bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600 md:table-header-group">
            <tr>
              <th scope="col" className="w-52 px-4 py-2.5">
                Client
              </th>
              <th scope="col" className="w-32 px-4 py-2.5">
                Verdict
              </th>
              <th scope="col" className="px-4 py-2.5">
                Why
              </th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 md:table-row-group">
            {report.clients.map((client) => {
              const { tone, label } = VERDICT[client.verdict];
              const first = client.reasons[0];
              return (
                <tr
                  key={client.id}
                  id={`client-${client.id}`}
                  data-testid={`client-${client.id}`}
                  data-verdict={client.verdict}
                  className={`block border-l-4 md:table-row ${TONES[tone].accent}`}
                >
                  <th
                    scope="row"
                    className="block px-4 pt-3 font-semibold text-slate-900 md:table-cell md:py-3 md:align-top"
                  >
                    {client.name}
                    {chosen.includes(client.id) ? (
                      <span className="ml-2 text-xs font-normal text-slate-600">
                        (decides healthy)
                      </span>
                    ) : null}
                  </th>
                  <td className="block px-4 pt-2 md:table-cell md:py-3 md:align-top">
                    <StatusBadge tone={tone} label={label} />
                  </td>
                  <td className="block px-4 pb-3 pt-2 text-slate-700 md:table-cell md:py-3">
                    {first && first.outcome !== 'ok' ? (
                      <p className="break-words">{first.message}</p>
                    ) : (
                      <p>Every rule holds.</p>
                    )}
                    <Reasons clientName={client.name} reasons={client.reasons} labels={labels} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function Reasons({
  clientName,
  reasons,
  labels,
}: {
  clientName: string;
  reasons: readonly Reason[];
  labels: ExchangeLabels;
}) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-sky-800 hover:underline">
        {reasons.length} rules for {clientName}
      </summary>
      <ul className="mt-2 space-y-3">
        {reasons.map((reason) => {
          const outcome = OUTCOME[reason.outcome];
          return (
            <li
              key={reason.rule}
              data-testid={`reason-${reason.rule}`}
              data-outcome={reason.outcome}
              className="rounded-md border border-slate-200 p-3"
            >
              <div className="flex flex-wrap items-start gap-x-2 gap-y-1">
                <StatusBadge tone={outcome.tone} label={outcome.label} size="sm" />
                <p className="min-w-[min(100%,12rem)] flex-1 break-words text-slate-800">
                  {reason.message}
                </p>
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
                <code className="break-all font-mono text-slate-600">{reason.rule}</code>
                <span>
                  <a
                    href={reason.source.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="text-sky-800 underline"
                  >
                    Source: {new URL(reason.source.url).hostname} ↗
                  </a>{' '}
                  ({PROVENANCE[reason.source.provenance]}, as of {reason.source.asOf})
                </span>
                {reason.check ? (
                  <a href={`#check-${reason.check}`} className="text-sky-800 hover:underline">
                    Check {reason.check}
                  </a>
                ) : null}
                <EvidenceLinks ids={reason.evidence ?? []} labels={labels} />
              </div>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
