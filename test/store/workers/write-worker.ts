/**
 * A real process writing to the store as fast as it can, for the two-instances test: COUNT runs,
 * each saved running, then done, then attached to a session; it prints each run's id once all of
 * its writes were acknowledged, and exits 0 only if every write was. Started with `node --import tsx`.
 */
import { newRunId } from '@/lib/runs/start';
import { storeConfig } from '@/lib/store/config';
import { Store } from '@/lib/store/store';

const store = await Store.open(storeConfig(process.env));
const count = Number(process.env.COUNT ?? '50');
const session = await store.createSession({
  name: `writer ${process.pid}`,
  url: 'https://two.example/mcp',
});
process.stdout.write(`${JSON.stringify({ session: session.id })}\n`);
for (let i = 0; i < count; i++) {
  const run = {
    id: newRunId(),
    url: 'https://two.example/mcp',
    createdAt: new Date().toISOString(),
    state: 'running' as const,
    steps: [],
  };
  await store.saveRun(run);
  await store.saveRun({
    ...run,
    state: 'failed',
    error: { code: 'internal', message: `run ${i}` },
  });
  await store.attachRun(session.id, run.id);
  process.stdout.write(`${JSON.stringify({ run: run.id })}\n`);
}
await store.close();
