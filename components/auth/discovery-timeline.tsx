import type { DiscoveryAttempt, DiscoveryOutcome } from '@/lib/report/schema-auth';
import { FORM_LABEL } from '@/lib/checks/auth/support/auth-data';
import type { ExchangeLabels } from '@/components/report/exchange-labels';
import { StatusBadge } from '@/components/ui/status-badge';
import type { Tone } from '@/components/ui/status';

const OUTCOME: Record<DiscoveryOutcome, { tone: Tone; label: string }> = {
  found: { tone: 'pass', label: 'Found' },
  'not-found': { tone: 'skipped', label: 'Not found' },
  redirect: { tone: 'warn', label: 'Redirect' },
  invalid: { tone: 'fail', label: 'Rejected' },
  error: { tone: 'fail', label: 'Error' },
  'not-tried': { tone: 'skipped', label: 'Not tried' },
};

/**
 * Every URL requested for metadata, in the order a client requests them, each with its status and
 * a link to its raw exchange — what other inspectors leave out when discovery fails.
 */
export function DiscoveryTimeline({
  attempts,
  labels,
}: {
  attempts: readonly DiscoveryAttempt[];
  labels: ExchangeLabels;
}) {
  const groups = [
    { kind: 'protected-resource', title: 'Protected resource metadata (RFC 9728)' },
    {
      kind: 'authorization-server',
      title: 'Authorization server metadata (RFC 8414, OpenID Connect Discovery)',
    },
  ] as const;
  return (
    <ol className="space-y-4" data-testid="auth-discovery">
      {groups.map(({ kind, title }) => {
        const rows = attempts.filter((a) => a.kind === kind);
        if (rows.length === 0) return null;
        const issuer = kind === 'authorization-server' ? rows[0]?.issuer : null;
        return (
          <li key={kind}>
            <h4 className="text-sm font-semibold text-slate-800">
              {title}
              {issuer ? (
                <span className="ml-2 font-mono text-xs font-normal text-slate-500">
                  issuer {issuer}
                </span>
              ) : null}
            </h4>
            <ol className="mt-2 divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
              {rows.map((a, i) => (
                <TimelineRow key={`${a.url}-${i}`} attempt={a} index={i} labels={labels} />
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}

function TimelineRow({
  attempt,
  index,
  labels,
}: {
  attempt: DiscoveryAttempt;
  index: number;
  labels: ExchangeLabels;
}) {
  const { tone, label } = OUTCOME[attempt.outcome];
  return (
    <li
      className="grid grid-cols-[1.5rem_1fr] gap-x-2 px-3 py-2 text-sm sm:grid-cols-[1.5rem_7.5rem_1fr_auto]"
      data-testid="discovery-attempt"
      data-outcome={attempt.outcome}
    >
      <span className="pt-0.5 font-mono text-xs text-slate-500">{index + 1}</span>
      <span className="col-start-2 sm:col-start-auto">
        <StatusBadge tone={tone} label={label} size="sm" />
      </span>
      <div className="col-start-2 min-w-0 sm:col-start-auto">
        <p className="break-all font-mono text-xs text-slate-900">{attempt.url}</p>
        <p className="mt-0.5 text-xs text-slate-600">
          {FORM_LABEL[attempt.form]} · {attempt.detail}
          {attempt.beyondSpec ? (
            <span className="ml-1 rounded bg-violet-50 px-1 text-violet-800">
              requested by MCP Doctor only
            </span>
          ) : null}
        </p>
      </div>
      <div className="col-start-2 flex items-center gap-2 text-xs sm:col-start-auto sm:justify-end">
        {attempt.status !== null ? (
          <span className="font-mono text-slate-700">HTTP {attempt.status}</span>
        ) : null}
        {attempt.exchangeId ? (
          <a
            href={`#exchange-${attempt.exchangeId}`}
            className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-slate-200"
            title={`Raw exchange for ${attempt.url}`}
          >
            {labels.get(attempt.exchangeId) ?? attempt.exchangeId}
          </a>
        ) : null}
      </div>
    </li>
  );
}
