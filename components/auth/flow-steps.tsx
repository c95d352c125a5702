import type { FlowStep, FlowView } from '@/lib/oauth-flow/schema';
import { ExchangeView } from '@/components/report/exchange-view';
import { StatusBadge } from '@/components/ui/status-badge';
import type { Tone } from '@/components/ui/status';

const STEP_TONE: Record<FlowStep['status'], { tone: Tone; label: string }> = {
  pending: { tone: 'skipped', label: 'Pending' },
  waiting: { tone: 'info', label: 'Your turn' },
  ok: { tone: 'pass', label: 'Done' },
  warning: { tone: 'warn', label: 'Done, with a caution' },
  failed: { tone: 'fail', label: 'Failed' },
  skipped: { tone: 'skipped', label: 'Skipped' },
};

/** The sign-in's steps, each with what was sent and received, and where it failed. */
export function FlowSteps({ flow }: { flow: FlowView }) {
  return (
    <ol className="space-y-2" data-testid="oauth-flow-steps">
      {flow.steps.map((step, i) => {
        const { tone, label } = STEP_TONE[step.status];
        return (
          <li
            key={step.id}
            className="rounded-lg border border-slate-200 bg-white p-3"
            data-testid={`flow-step-${step.id}`}
            data-status={step.status}
          >
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-mono text-xs text-slate-500">{i + 1}</span>
              <StatusBadge tone={tone} label={label} size="sm" />
              <h4 className="min-w-0 flex-1 text-sm font-medium text-slate-900">{step.title}</h4>
              {step.exchangeIds.map((id) => (
                <a
                  key={id}
                  href={`#exchange-${id}`}
                  className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 hover:bg-slate-200"
                >
                  {id}
                </a>
              ))}
            </div>
            {step.summary ? (
              <p
                className={`mt-1 break-words text-sm ${step.status === 'failed' ? 'text-red-800' : 'text-slate-700'}`}
              >
                {step.summary}
              </p>
            ) : null}
            {step.details.length > 0 ? (
              <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[11rem_1fr]">
                {step.details.map(([name, value], j) => (
                  <div key={`${name}-${j}`} className="contents">
                    <dt
                      className={`font-mono ${name === 'caution' ? 'text-amber-800' : 'text-slate-500'}`}
                    >
                      {name}
                    </dt>
                    <dd className="break-all font-mono text-slate-800">{value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The sign-in's own exchanges (ids prefixed `flow-`, apart from the report's raw log). */
export function FlowExchanges({ flow }: { flow: FlowView }) {
  if (flow.exchanges.length === 0) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-slate-50/60 p-2">
      <summary className="cursor-pointer px-1 text-sm font-medium text-slate-700">
        Sign-in requests ({flow.exchanges.length}) · secrets redacted
      </summary>
      <ol className="mt-2 space-y-2">
        {flow.exchanges.map((exchange, index) => (
          <li key={exchange.id}>
            <ExchangeView exchange={exchange} index={index} />
          </li>
        ))}
      </ol>
    </details>
  );
}
