import { STEP_LABELS } from '@/lib/report/areas';
import type { Step } from '@/lib/report/schema';
import { formatMs } from '@/components/ui/format';

const STEP_STATUS = {
  ok: { symbol: '✓', label: 'done', className: 'bg-emerald-100 text-emerald-800' },
  failed: { symbol: '✕', label: 'failed', className: 'bg-red-100 text-red-800' },
  skipped: { symbol: '–', label: 'skipped', className: 'bg-slate-100 text-slate-500' },
} as const;

/** The probe's steps as they finished: what each found, how long it took. */
export function StepList({ steps }: { steps: readonly Step[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
      {steps.map((step, index) => {
        const status = STEP_STATUS[step.status];
        return (
          <li
            key={`${step.id}-${index}`}
            data-testid={`step-${step.id}`}
            data-status={step.status}
            className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2"
          >
            <span
              className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full font-mono text-xs ${status.className}`}
              aria-hidden="true"
            >
              {status.symbol}
            </span>
            <span className="w-36 shrink-0 font-medium text-slate-900">
              {STEP_LABELS[step.id]} <span className="sr-only">{status.label}</span>
            </span>
            <span className="min-w-0 flex-1 break-words text-slate-700">
              {step.summary}
              {step.error ? (
                <span className="mt-0.5 block font-mono text-xs text-red-700">
                  {step.error.message === step.summary
                    ? step.error.code
                    : `${step.error.code}: ${step.error.message}`}
                </span>
              ) : null}
            </span>
            <span className="shrink-0 font-mono text-xs text-slate-500">
              {formatMs(step.durationMs)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
