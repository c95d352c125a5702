import type { CheckResult, Row } from '@/lib/report/schema';
import { StatusBadge } from '@/components/ui/status-badge';
import { rowTone } from '@/components/ui/status';
import { CheckCard } from './check-card';
import type { ExchangeLabels } from './exchange-labels';

/**
 * The checks under the row they judge, in the report's order (failures first). Passed and skipped
 * checks fold away, so the eye lands on what to fix.
 */
export function CheckList({
  rows,
  checks,
  labels,
}: {
  rows: readonly Row[];
  checks: readonly CheckResult[];
  labels: ExchangeLabels;
}) {
  return (
    <div className="space-y-8">
      {rows.map((row) => {
        const own = checks.filter((c) => c.area === row.id);
        const problems = own.filter((c) => c.status === 'fail' || c.status === 'error');
        const rest = own.filter((c) => c.status !== 'fail' && c.status !== 'error');
        const security = problems.filter((c) => c.group === 'security').length;
        return (
          <div key={row.id} id={`area-${row.id}`} className="scroll-mt-20">
            <div className="mb-3 flex flex-wrap items-center gap-3">
              <h3 className="text-base font-semibold text-slate-900">{row.title}</h3>
              <StatusBadge tone={rowTone(row.status)} size="sm" />
              <span className="text-sm text-slate-500">
                {own.length === 0
                  ? 'no checks yet'
                  : `${own.length} check${own.length === 1 ? '' : 's'}, ${problems.length} with findings`}
              </span>
              {security > 0 ? (
                <span
                  data-testid={`security-findings-${row.id}`}
                  className="text-sm font-medium text-violet-800"
                >
                  {security} security finding{security === 1 ? '' : 's'}
                </span>
              ) : null}
            </div>
            {problems.length > 0 ? (
              <ul className="space-y-3">
                {problems.map((check) => (
                  <CheckCard key={check.id} check={check} labels={labels} />
                ))}
              </ul>
            ) : null}
            {rest.length > 0 ? (
              <details className="mt-3 rounded-lg border border-slate-200 bg-white/60">
                <summary className="cursor-pointer select-none px-4 py-2 text-sm text-slate-600 hover:text-slate-900">
                  {foldSummary(rest)}
                </summary>
                <ul className="space-y-3 p-3">
                  {rest.map((check) => (
                    <CheckCard key={check.id} check={check} labels={labels} />
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function foldSummary(checks: readonly CheckResult[]): string {
  const passed = checks.filter((c) => c.status === 'pass').length;
  const skipped = checks.length - passed;
  return [passed ? `${passed} passed` : null, skipped ? `${skipped} skipped` : null]
    .filter(Boolean)
    .join(', ');
}
