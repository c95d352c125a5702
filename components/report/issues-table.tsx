import type { CheckResult, Report, Row } from '@/lib/report/schema';
import { blocks, orderChecks, warns } from '@/lib/diagnose/summarize';
import { StatusBadge } from '@/components/ui/status-badge';
import { TONES, rowTone } from '@/components/ui/status';
import { RowActions } from './row-actions';

/** The row's findings, worst first: the row shows the first, "+N more" opens the others. */
const findingsOf = (row: Row, checks: readonly CheckResult[]) =>
  orderChecks(checks.filter((c) => c.area === row.id && (blocks(c) || warns(c))));

/** ChatGPT's connection-issues table, one row per area, judged for this endpoint. */
export function IssuesTable({ report }: { report: Report }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="block w-full border-collapse text-left text-sm md:table">
        <caption className="sr-only">ChatGPT connection issues, checked for this endpoint</caption>
        <thead className="hidden bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600 md:table-header-group">
          <tr>
            <th scope="col" className="w-52 px-4 py-2.5">
              Issue
            </th>
            <th scope="col" className="w-32 px-4 py-2.5">
              Status
            </th>
            <th scope="col" className="w-[34%] px-4 py-2.5">
              What we found
            </th>
            <th scope="col" className="px-4 py-2.5">
              How to fix it
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 md:table-row-group">
          {report.rows.map((row) => {
            const [first, ...more] = findingsOf(row, report.checks);
            return (
              <tr
                key={row.id}
                data-testid={`row-${row.id}`}
                data-status={row.status}
                className={`block border-l-4 md:table-row ${TONES[rowTone(row.status)].accent}`}
              >
                <th
                  scope="row"
                  className="block px-4 pt-3 font-semibold text-slate-900 md:table-cell md:py-3 md:align-top"
                >
                  <a href={`#area-${row.id}`} className="hover:underline">
                    {row.title}
                  </a>
                </th>
                <td className="block px-4 pt-2 md:table-cell md:py-3 md:align-top">
                  <StatusBadge tone={rowTone(row.status)} />
                </td>
                <td className="block break-words px-4 pb-3 pt-2 text-slate-700 md:table-cell md:py-3 md:align-top">
                  {first ? first.message : row.summary}
                  {more.length > 0 ? <MoreFindings checks={more} /> : null}
                </td>
                {row.fix ? (
                  <td className="block space-y-2 break-words px-4 pb-3 pt-2 text-slate-700 md:table-cell md:py-3 md:align-top">
                    <p>
                      <span className="font-semibold md:hidden">Fix: </span>
                      {row.fix}
                    </p>
                    <RowActions row={row} report={report} />
                  </td>
                ) : (
                  <td className="hidden px-4 py-3 text-slate-500 md:table-cell md:align-top">
                    {row.status === 'pass' ? 'Nothing to fix' : '—'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The row's other findings, each with its own fix and a link to its check. */
function MoreFindings({ checks }: { checks: readonly CheckResult[] }) {
  return (
    <details className="mt-2" data-testid="more-findings">
      <summary className="cursor-pointer text-sm font-medium text-sky-800 hover:underline">
        +{checks.length} more
      </summary>
      <ul className="mt-2 space-y-2">
        {checks.map((check) => (
          <li key={check.id} className="rounded-md border border-slate-200 p-2">
            <p className="break-words">{check.message}</p>
            <p className="mt-1 break-words text-slate-800">
              <span className="font-semibold">Fix: </span>
              {check.fix}
            </p>
            <a href={`#check-${check.id}`} className="text-xs text-sky-800 hover:underline">
              Check {check.id}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
