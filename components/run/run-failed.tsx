import type { Run } from '@/lib/runs/schema';
import { StepList } from '@/components/report/step-list';

/** A run that produced no report: a bug in MCP Doctor, never something the server did. */
export function RunFailed({ run }: { run: Run }) {
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">
          The check could not finish
        </h1>
        <p className="break-all font-mono text-sm text-slate-700">{run.url}</p>
      </header>
      <p
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
      >
        {run.error?.message ?? 'The diagnosis stopped without a report.'} This is a bug in MCP
        Doctor, not in your server.
      </p>
      {run.steps.length > 0 ? <StepList steps={run.steps} /> : null}
    </div>
  );
}
