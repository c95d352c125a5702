import Link from 'next/link';
import { formatWhen } from '@/components/history/when';
import type { MonitorCheck } from '@/lib/monitors/schema';
import { cell } from './chart-frame';
import { ms } from './format';

const OUTCOME = { healthy: '✓ healthy', failing: '✕ failing', error: '? not checked' } as const;

/** The latest checks, newest first, each a link to its run. */
export function CheckTable({ checks }: { checks: MonitorCheck[] }) {
  if (checks.length === 0)
    return <p className="text-sm text-slate-600">No check yet: the first one runs now.</p>;
  return (
    // Focusable, so a keyboard can scroll it on a narrow screen (WCAG 2.1.1).
    <div
      tabIndex={0}
      role="region"
      aria-label="Latest checks, as a scrollable table"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className={cell}>
              Tick
            </th>
            <th scope="col" className={cell}>
              Result
            </th>
            <th scope="col" className={cell}>
              Latency
            </th>
            <th scope="col" className={cell}>
              Tools
            </th>
            <th scope="col" className={cell}>
              Run
            </th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.id} className="border-t border-slate-100" data-testid="monitor-check">
              <td className={`${cell} whitespace-nowrap`}>{formatWhen(check.dueAt)}</td>
              <td className={cell}>
                {OUTCOME[check.outcome]}
                {check.error ? (
                  <span className="block text-xs text-slate-600">{check.error}</span>
                ) : null}
              </td>
              <td className={cell}>{ms(check.latencyMs)}</td>
              <td className={cell}>{check.toolCount ?? '—'}</td>
              <td className={cell}>
                {check.runId ? (
                  <Link href={`/runs/${check.runId}`} className="text-sky-700 hover:underline">
                    open
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
