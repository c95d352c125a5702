import { STEP_IDS } from '@/lib/report/areas';
import type { Step } from '@/lib/report/schema';
import type { RunRegistry } from '@/lib/runs/registry';

/**
 * The registry as `startRun` sees it, plus a call for every step the run records, in order: how a
 * tool reports a diagnosis's progress without a second pipeline. A Proxy rather than a wrapper
 * class so every other member of the registry (now and as the interface grows: `durable`,
 * `settled`, `previousTools`) reaches the real one unchanged. Steps are already redacted here
 * (startRun scrubs them before the registry sees them).
 */
export function observeSteps(
  registry: RunRegistry,
  onStep: (step: Step, done: number, total: number) => void,
): RunRegistry {
  let seen = 0;
  const update: RunRegistry['update'] = (id, patch) => {
    const run = registry.update(id, patch);
    for (const step of run?.steps.slice(seen) ?? []) onStep(step, ++seen, STEP_IDS.length);
    return run;
  };
  return new Proxy(registry, {
    get(target, property, receiver) {
      if (property === 'update') return update;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
