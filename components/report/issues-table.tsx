import type { Row } from '@/lib/report/schema';
import { StatusBadge } from '@/components/ui/status-badge';
import { TONES, rowTone } from '@/components/ui/status';

/** ChatGPT's connection-issues table, one row per area, judged for this endpoint. */
export function IssuesTable({ rows }: { rows: readonly Row[] }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">ChatGPT connection issues, checked for this endpoint</caption>
        <thead className="hidden bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-500 md:table-header-group">
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
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid={`row-${row.id}`}
              data-status={row.status}
              className={`block border-l-4 md:table-row ${TONES[rowTone(row.status)].accent}`}
            >
              <th
                scope="row"
                className="block px-4 pt-3 font-semibold text-slate-900 md:table-cell md:py-3"
              >
                <a href={`#area-${row.id}`} className="hover:underline">
                  {row.title}
                </a>
              </th>
              <td className="block px-4 pt-2 md:table-cell md:py-3">
                <StatusBadge tone={rowTone(row.status)} />
              </td>
              <td className="block px-4 pb-3 pt-2 text-slate-700 md:table-cell md:py-3">
                {row.summary}
              </td>
              {row.fix ? (
                <td className="block px-4 pb-3 pt-2 text-slate-700 md:table-cell md:py-3">
                  <span className="font-semibold md:hidden">Fix: </span>
                  {row.fix}
                </td>
              ) : (
                <td className="hidden px-4 py-3 text-slate-400 md:table-cell">
                  {row.status === 'pass' ? 'Nothing to fix' : '—'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
