/**
 * A dashboard instance's monitors in a process of its own, for the test that kills one mid-run:
 * on PostgreSQL (DATABASE_URL) at the fake time NOW, it claims what is due and works the queue,
 * printing a JSON line with the ticks it claimed and one when a run it started is saved. Started
 * with `node --import tsx`.
 */
import { MemoryRunRegistry } from '@/lib/runs/registry';
import type { Run } from '@/lib/runs/schema';
import { storeConfig } from '@/lib/store/config';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { FakeClock, instance } from '../support';

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

class AnnouncingRegistry extends PersistentRunRegistry {
  override create(...args: Parameters<PersistentRunRegistry['create']>): Run {
    const run = super.create(...args);
    void this.durable(run.id).then(() => say({ saved: run.id }));
    return run;
  }
}

const clock = new FakeClock(Number(process.env.NOW));
const one = await instance(storeConfig(process.env).database, clock, {
  registry: (store) => new AnnouncingRegistry(async () => store, new MemoryRunRegistry()),
});
say({ claimed: await one.service.scheduler.tick() });
await one.service.worker.drain();
await one.close();
