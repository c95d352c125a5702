import type { CheckResult, FindingItem } from '@/lib/report/schema';
import { EvidenceLinks } from './evidence-links';
import type { ExchangeLabels } from './exchange-labels';

/** Findings shown before "+N more": enough to see the pattern, few enough to scan. */
const SHOWN = 3;

/** True when the check's findings carry fixes of their own (several kinds of problem in one check). */
export const fixesPerFinding = (check: CheckResult): boolean =>
  check.items.some((item) => item.fix !== undefined);

/**
 * A check's offenders as cards (a tool, a URL, a header…), each with what is wrong, its own fix
 * when the check has several kinds, and its evidence; past the first few behind "+N more".
 */
export function FindingList({ check, labels }: { check: CheckResult; labels: ExchangeLabels }) {
  const perFinding = fixesPerFinding(check);
  const card = (item: FindingItem, index: number) => (
    <li
      key={`${item.subject}-${index}`}
      data-testid="finding"
      className="space-y-1 px-3 py-2 text-sm"
    >
      <p className="break-words font-mono text-xs font-semibold text-slate-900">{item.subject}</p>
      <p className="break-words text-slate-700">{item.detail}</p>
      {perFinding ? (
        <p className="break-words text-slate-800">
          <span className="font-semibold">Fix: </span>
          {item.fix ?? check.fix}
        </p>
      ) : null}
      <p className="text-xs">
        <EvidenceLinks ids={item.evidence ?? []} labels={labels} compact />
      </p>
    </li>
  );
  const rest = check.items.slice(SHOWN);
  return (
    <div className="mt-3 rounded-md border border-slate-200">
      <ul aria-label={`Findings of ${check.id}`} className="divide-y divide-slate-100">
        {check.items.slice(0, SHOWN).map(card)}
      </ul>
      {rest.length > 0 ? (
        <details className="border-t border-slate-100">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-sky-800 hover:underline">
            +{rest.length} more
          </summary>
          <ul className="divide-y divide-slate-100">
            {rest.map((item, i) => card(item, i + SHOWN))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
