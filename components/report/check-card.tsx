import type { CheckResult } from '@/lib/report/schema';
import { collapseRepeatedPrefix } from '@/lib/text/repeated-prefix';
import { StatusBadge } from '@/components/ui/status-badge';
import { TONES, checkTone } from '@/components/ui/status';
import { EvidenceLinks } from './evidence-links';
import type { ExchangeLabels } from './exchange-labels';
import { FindingList, fixesPerFinding } from './finding-list';

/** One check: what it found in concrete terms, how to fix it, where the evidence is in the log. */
export function CheckCard({ check, labels }: { check: CheckResult; labels: ExchangeLabels }) {
  const tone = checkTone(check);
  const failed = check.status === 'fail' || check.status === 'error';
  return (
    <li
      id={`check-${check.id}`}
      data-testid={`check-${check.id}`}
      data-status={check.status}
      data-severity={check.severity}
      data-group={check.group}
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${TONES[tone].accent}`}
    >
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <StatusBadge tone={tone} size="sm" />
        {check.group === 'security' ? <SecurityLabel id={check.id} /> : null}
        <h4 className="min-w-[min(100%,14rem)] flex-1 font-medium text-slate-900">{check.title}</h4>
        <code className="font-mono text-xs text-slate-500">{check.id}</code>
      </div>
      <p className="mt-2 break-words text-sm text-slate-700">
        {collapseRepeatedPrefix(check.message)}
      </p>
      {failed && !fixesPerFinding(check) ? (
        <p className="mt-2 break-words rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">
          <span className="font-semibold">Fix: </span>
          {check.fix}
        </p>
      ) : null}
      {check.items.length > 0 ? <FindingList check={check} labels={labels} /> : null}
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <EvidenceLinks ids={check.evidence} labels={labels} />
        <a
          href={check.docs}
          target="_blank"
          rel="noreferrer noopener"
          className="text-sky-700 hover:underline"
        >
          Docs ↗
        </a>
        {check.code ? <span className="font-mono text-slate-500">code: {check.code}</span> : null}
      </div>
    </li>
  );
}

/** Marks the checks about what the server tells the model and the browser (tool poisoning, CSP, exposure). */
function SecurityLabel({ id }: { id: string }) {
  return (
    <span
      data-testid={`check-group-${id}`}
      title="Security: what the server tells the model and the browser"
      className="rounded border border-violet-200 bg-violet-50 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-violet-800"
    >
      Security
    </span>
  );
}
