import { randomBytes } from 'node:crypto';
import type { CiOptions } from '@/lib/diagnose/options';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { shownUrl, type Target } from '@/lib/probe/target';
import type { RunRegistry } from './registry';
import type { Run } from './schema';

export const newRunId = (): string => randomBytes(16).toString('base64url');

/**
 * Starts a diagnosis in the background and returns the run at once. `done` settles when the run
 * is finished (never rejects), so a route can keep the process alive for it with `after()`.
 * CI options given to `POST /api/runs` (expected tools, skipped areas, `repeat`) apply as they do
 * to `/api/check`.
 */
export function startRun(
  registry: RunRegistry,
  target: Target,
  options?: CiOptions,
): { run: Run; done: Promise<void> } {
  const run = registry.create({
    id: newRunId(),
    url: shownUrl(target),
    createdAt: new Date().toISOString(),
  });

  // The store's previous tool list of this endpoint is attached before the checks run, so
  // tools.drift can compare (checks stay pure functions of the transcript).
  const done = runHealthCheck(target, {
    ...(options ? { options } : {}),
    onProgress: (step) =>
      registry.update(run.id, (current) => ({ steps: [...current.steps, step] })),
    previousTools: async (transcript) =>
      (await registry.previousTools?.(run.url, { id: run.id, startedAt: transcript.startedAt })) ??
      null,
  })
    .then(
      (report) => {
        registry.update(run.id, { state: 'done', steps: report.steps, report });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        registry.update(run.id, {
          state: 'failed',
          error: { code: 'internal', message: `The diagnosis crashed: ${message}` },
        });
      },
    )
    .then(() => registry.settled?.(run.id));
  return { run, done };
}
