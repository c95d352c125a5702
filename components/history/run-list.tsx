import Link from 'next/link';
import type { RunSummary } from '@/lib/store/schema';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatWhen } from './when';

const ROW_LABEL: Record<string, string> = {
  connection: 'Connection',
  tools: 'Tools',
  widgets: 'Widgets',
  auth: 'Auth',
};

/** One run in a list: verdict, when, the four rows, and where it came from. */
export function RunLine({ run, showUrl = false }: { run: RunSummary; showUrl?: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid={`run-${run.id}`}>
      {run.state === 'running' ? (
        <span className="inline-flex items-center gap-2 text-sm font-medium text-sky-800">
          <span aria-hidden="true" className="h-2.5 w-2.5 animate-pulse rounded-full bg-sky-500" />
          Checking…
        </span>
      ) : run.state === 'interrupted' ? (
        <StatusBadge tone="error" label="Interrupted" />
      ) : run.state === 'failed' || !run.status ? (
        <StatusBadge tone="error" label="No report" />
      ) : (
        <StatusBadge tone={run.status} />
      )}
      <Link href={`/runs/${run.id}`} className="font-medium text-sky-700 hover:underline">
        {formatWhen(run.startedAt)}
      </Link>
      {run.origin === 'imported' ? (
        <span className="rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-inset ring-violet-600/30">
          imported
        </span>
      ) : null}
      {showUrl ? (
        <span className="min-w-0 break-all font-mono text-xs text-slate-600">{run.url}</span>
      ) : null}
      <span className="flex flex-wrap items-center gap-1.5">
        {run.rows.map((row) => (
          <StatusBadge
            key={row.id}
            tone={row.status}
            size="sm"
            label={`${ROW_LABEL[row.id] ?? row.id}`}
          />
        ))}
      </span>
      <span className="text-xs text-slate-500">
        {run.toolCount !== null ? `${run.toolCount} tool${run.toolCount === 1 ? '' : 's'}` : ''}
        {run.problems ? ` · ${run.problems} finding${run.problems === 1 ? '' : 's'}` : ''}
      </span>
    </div>
  );
}

export function RunList({ runs, showUrl = false }: { runs: RunSummary[]; showUrl?: boolean }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">No runs yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {runs.map((run) => (
        <li key={run.id} className="px-4 py-3">
          <RunLine run={run} showUrl={showUrl} />
        </li>
      ))}
    </ul>
  );
}
