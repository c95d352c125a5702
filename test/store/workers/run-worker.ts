/**
 * A real process using the store, for the crash test: it starts one run of TARGET_URL with a token
 * and a secret header, and prints a JSON line each time the run's state so far is saved. The test
 * kills it with SIGKILL mid-run. Started with `node --import tsx`.
 */
import { startRun } from '@/lib/runs/start';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import { storeConfig } from '@/lib/store/config';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { Store } from '@/lib/store/store';
import { targetFor } from '../../fixtures/target';

class AnnouncingRegistry extends PersistentRunRegistry {
  override update(...args: Parameters<PersistentRunRegistry['update']>): Run | undefined {
    const run = super.update(...args);
    if (run) {
      void this.durable(run.id).then(() => {
        process.stdout.write(`${JSON.stringify({ id: run.id, steps: run.steps.length })}\n`);
      });
    }
    return run;
  }
}

const env = process.env;
const store = await Store.open(storeConfig(env));
const registry = new AnnouncingRegistry(async () => store, new MemoryRunRegistry());
const { run, saved } = startRun(
  registry,
  targetFor(env.TARGET_URL ?? '', {
    token: env.TARGET_TOKEN,
    headers: { 'X-Team-Secret': env.TARGET_SECRET ?? '' },
    timeoutMs: 120_000,
  }),
);
await saved;
process.stdout.write(`${JSON.stringify({ id: run.id, steps: 0 })}\n`);
