'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import useSWR from 'swr';
import { RunProgressSchema, type RunProgress as Progress } from '@/lib/runs/schema';
import { StepIdSchema } from '@/lib/report/schema';
import { StepList } from '@/components/report/step-list';
import { CurrentStep, currentStep } from './current-step';

/** Every step the probe may run, so the wait has a visible end. */
const TOTAL_STEPS = StepIdSchema.options.length;
const POLL_MS = 400;

async function fetchProgress(url: string): Promise<Progress> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      response.status === 404
        ? 'This run is no longer kept (the server restarted or dropped it).'
        : `HTTP ${response.status}`,
    );
  }
  return RunProgressSchema.parse(await response.json());
}

/**
 * Polls a running run and shows its steps as they finish. When the run ends, the server page is
 * refreshed and renders the report itself.
 */
export function RunProgress({ initial, url }: { initial: Progress; url: string }) {
  const router = useRouter();
  const { data, error } = useSWR(`/api/runs/${initial.id}`, fetchProgress, {
    fallbackData: initial,
    // SWR asks before its first fetch lands, when its cache is still empty: fall back to the
    // server's state, or polling never starts.
    refreshInterval: (latest) => ((latest ?? initial).state === 'running' ? POLL_MS : 0),
    revalidateOnFocus: false,
  });
  const state = data.state;
  // Once the run has ended, ask the server page for the report, again until it renders (the report
  // may land in the store a moment after the state): this view unmounts when it does.
  useEffect(() => {
    if (state === 'running') return;
    router.refresh();
    const retry = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(retry);
  }, [state, router]);

  const last = data.steps.at(-1);
  const now = state === 'running' ? currentStep(data.steps) : null;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex items-center gap-3">
          <span aria-hidden="true" className="h-3 w-3 animate-pulse rounded-full bg-sky-500" />
          <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">
            Checking…
          </h1>
        </div>
        <p className="break-all font-mono text-sm text-slate-700">{url}</p>
      </header>
      <div role="status" aria-live="polite" className="text-sm text-slate-700">
        {error
          ? error.message
          : state === 'running'
            ? `${data.steps.length} of ${TOTAL_STEPS} steps done${last ? ` — ${last.summary}` : ''}`
            : 'Finished; loading the report…'}
      </div>
      {now ? <CurrentStep key={now} step={now} /> : null}
      <div className="h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div
          className="h-full rounded-full bg-sky-500 transition-all duration-300"
          style={{ width: `${Math.min(100, (data.steps.length / TOTAL_STEPS) * 100)}%` }}
        />
      </div>
      {data.steps.length > 0 ? <StepList steps={data.steps} /> : null}
    </div>
  );
}
