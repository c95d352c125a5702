import { randomBytes } from 'node:crypto';
import { diagnose } from '@/lib/diagnose';
import { Redactor } from '@/lib/probe/redact';
import type { Target } from '@/lib/probe/target';
import type { RunRegistry } from './registry';
import type { Run } from './schema';

export const newRunId = (): string => randomBytes(16).toString('base64url');

/**
 * Starts a diagnosis in the background and returns the run at once. `done` settles when the run
 * is finished (never rejects), so a route can keep the process alive for it with `after()`.
 */
export function startRun(registry: RunRegistry, target: Target): { run: Run; done: Promise<void> } {
  const redactor = new Redactor({
    values: [...(target.token ? [target.token] : []), ...Object.values(target.headers)],
  });
  const shown = new URL(target.url.href);
  shown.hash = '';
  const run = registry.create({
    id: newRunId(),
    url: redactor.url(shown.href),
    createdAt: new Date().toISOString(),
  });

  const done = diagnose(target, {
    onProgress: (step) =>
      registry.update(run.id, (current) => ({ steps: [...current.steps, step] })),
  }).then(
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
  );
  return { run, done };
}
