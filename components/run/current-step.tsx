'use client';

import { useEffect, useState } from 'react';
import { PROBE_ORDER, STEP_LABELS } from '@/lib/report/areas';
import type { Step } from '@/lib/report/schema';

const TICK_MS = 100;

/** The step the probe is on: the first, in the probe's order, that has not finished. */
export const currentStep = (steps: readonly Step[]) =>
  PROBE_ORDER.find((id) => !steps.some((s) => s.id === id)) ?? null;

/**
 * "Waiting for MCP handshake — 2.1 s": what the run is doing now and for how long, counted from
 * when this page saw the previous step finish. Mount it with a key per step, so the count restarts.
 */
export function CurrentStep({ step }: { step: (typeof PROBE_ORDER)[number] }) {
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="font-medium text-slate-900" data-testid="current-step" data-step={step}>
      {`Waiting for ${STEP_LABELS[step]} — ${((now - since) / 1000).toFixed(1)} s`}
    </p>
  );
}
