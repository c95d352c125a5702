import { StepList } from '@/components/report/step-list';
import { rerunNeeds } from '@/lib/runs/rerun';
import type { StoredRun } from '@/lib/store/schema';
import { RunRerunForm } from './run-rerun-form';

/**
 * A run that stopped without a report: interrupted (its process went away mid-run) or failed (a bug
 * in MCP Doctor). What it recorded is shown, and it can be made again.
 */
export function RunStopped({ run }: { run: StoredRun }) {
  const interrupted = run.state === 'interrupted';
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">
          {interrupted ? 'This check was interrupted' : 'The check could not finish'}
        </h1>
        <p className="break-all font-mono text-sm text-slate-700">{run.url}</p>
      </header>
      <p
        role="alert"
        className={`rounded-md border px-4 py-3 text-sm ${interrupted ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-red-200 bg-red-50 text-red-800'}`}
      >
        {run.error?.message ?? 'The diagnosis stopped without a report.'}
        {interrupted ? '' : ' This is a bug in MCP Doctor, not in your server.'}
      </p>
      {run.origin === 'probe' ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <RunRerunForm runId={run.id} url={run.url} needs={rerunNeeds(run)} />
        </div>
      ) : null}
      {run.steps.length > 0 ? (
        <section aria-label="Steps recorded" className="space-y-2">
          <h2 className="text-base font-semibold text-slate-900">
            {interrupted ? 'Recorded before it stopped' : 'Steps'}
          </h2>
          <StepList steps={run.steps} />
        </section>
      ) : null}
    </div>
  );
}
