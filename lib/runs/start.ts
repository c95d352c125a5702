import { randomBytes } from 'node:crypto';
import type { CiOptions } from '@/lib/diagnose/options';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { scrub } from '@/lib/probe/scrub';
import { shownUrl, targetRedactor, type Target } from '@/lib/probe/target';
import type { Step } from '@/lib/report/schema';
import type { RunRegistry } from './registry';
import type { RerunRequest, Run } from './schema';

export const newRunId = (): string => randomBytes(16).toString('base64url');

/** How the run was asked for, without a single secret: enough to ask for the same run again. */
export function rerunRequestOf(target: Target, options?: CiOptions): RerunRequest {
  return {
    timeoutMs: target.timeoutMs,
    checkRedirectUri: target.checkRedirectUri ?? false,
    sentWith: { token: target.token !== null, headerNames: Object.keys(target.headers) },
    options: options ?? null,
  };
}

export interface StartedRun {
  run: Run;
  /** Settles once the new run is saved; rejects (a StoreError) when it could not be. */
  saved: Promise<void>;
  /** Settles when the run is finished (never rejects). */
  done: Promise<void>;
}

/**
 * Starts a diagnosis in the background and returns the run at once. A route awaits `saved` before
 * it acknowledges the run (a run the store never saw must not be answered 202), and keeps the
 * process alive for `done` with `after()`. When the first save fails the diagnosis is stopped:
 * nobody could ever read it. CI options given to `POST /api/runs` (expected tools, skipped areas,
 * `repeat`) apply as they do to `/api/check`.
 *
 * Every step and error is redacted with the target's own secrets here, before the registry (and
 * so the store, and every page and API answer) sees it: a server that quotes the Authorization
 * header or a custom header in an error must not put them at rest, even while the run is going.
 * (The probe redacts its step summaries too; this boundary does not rely on it.)
 */
export function startRun(registry: RunRegistry, target: Target, options?: CiOptions): StartedRun {
  const redactor = targetRedactor(target);
  const clean = <T>(value: T): T => scrub(value, redactor) as T;
  const run = registry.create({
    id: newRunId(),
    url: shownUrl(target),
    createdAt: new Date().toISOString(),
    request: rerunRequestOf(target, options),
  });
  const stop = new AbortController();
  const saved = registry.durable?.(run.id) ?? Promise.resolve();
  saved.catch(() => stop.abort());

  // The store's previous tool list of this endpoint is attached before the checks run, so
  // tools.drift can compare (checks stay pure functions of the transcript).
  const done = runHealthCheck(target, {
    ...(options ? { options } : {}),
    signal: stop.signal,
    onProgress: (step) =>
      registry.update(run.id, (current) => ({ steps: [...current.steps, clean<Step>(step)] })),
    previousTools: async (transcript) =>
      (await registry.previousTools?.(run.url, { id: run.id, startedAt: transcript.startedAt })) ??
      null,
  })
    .then(
      (report) => {
        const steps = clean(report.steps);
        registry.update(run.id, {
          state: 'done',
          steps,
          report: {
            ...report,
            steps,
            ...(report.latency ? { latency: clean(report.latency) } : {}),
          },
        });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        registry.update(run.id, {
          state: 'failed',
          error: { code: 'internal', message: redactor.text(`The diagnosis crashed: ${message}`) },
        });
      },
    )
    .then(() => registry.settled?.(run.id));
  return { run, saved, done };
}
