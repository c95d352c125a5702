import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgBossQueue } from '@/lib/monitors/queue/pg-boss-queue';
import { postgresBackend, type Backend } from '../store/backends';
import { FakeClock, MINUTE, T0, instance, switchableServer, watch } from './support';

/**
 * Several dashboard instances on one PostgreSQL share the monitors through pg-boss: every tick
 * is claimed by one instance and checked once, whoever takes the job; an instance killed in the
 * middle of a check loses neither the schedule nor that check.
 */
describe('monitors shared by instances on one PostgreSQL', () => {
  let backend: Backend;
  let server: Awaited<ReturnType<typeof switchableServer>>;

  beforeAll(async () => {
    [backend, server] = await Promise.all([postgresBackend(), switchableServer()]);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await backend?.stop();
  });

  it('checks each tick exactly once, however the two instances race for it', async () => {
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const [a, b] = [await instance(database.config, clock), await instance(database.config, clock)];
    try {
      const monitors = await Promise.all(
        [1, 1, 2].map((everyMinutes) => watch(a.ctx, { url: server.url, everyMinutes })),
      );
      const TICKS = 6;
      const claimedPerTick: number[] = [];
      for (let tick = 0; tick < TICKS; tick++) {
        // Both timers fire at the same moment, and both workers take what they can.
        const [byA, byB] = await Promise.all([
          a.service.scheduler.tick(),
          b.service.scheduler.tick(),
        ]);
        claimedPerTick.push(byA.length + byB.length);
        await Promise.all([a.service.worker.drain(), b.service.worker.drain()]);
        clock.advance(MINUTE);
      }
      // Two 1-minute monitors every tick, the 2-minute one every other tick.
      expect(claimedPerTick).toEqual([3, 2, 3, 2, 3, 2]);

      const checks = await a.store.db
        .selectFrom('monitor_checks')
        .select(['monitor_id', 'due_at', 'run_id', 'outcome'])
        .execute();
      expect(checks).toHaveLength(15);
      const ticks = new Set(checks.map((c) => `${c.monitor_id} ${c.due_at}`));
      expect(ticks.size).toBe(15);
      for (const { monitor } of monitors) {
        const dues = checks
          .filter((c) => c.monitor_id === monitor.id)
          .map((c) => c.due_at)
          .sort();
        const every = monitor.everyMinutes;
        expect(dues).toEqual(
          Array.from({ length: Math.ceil(TICKS / every) }, (_, i) =>
            new Date(T0 + i * every * MINUTE).toISOString(),
          ),
        );
      }
      // One saved run per check, no more: nobody ran a tick twice.
      const runs = await a.store.db.selectFrom('runs').select(['id', 'state']).execute();
      expect(runs).toHaveLength(15);
      expect(new Set(checks.map((c) => c.run_id))).toEqual(new Set(runs.map((r) => r.id)));
      expect(runs.every((r) => r.state === 'done')).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('an instance killed mid-check loses neither the schedule nor the check', async () => {
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const b = await instance(database.config, clock);
    const release = server.hold();
    try {
      const { monitor } = await watch(b.ctx, { url: server.url, everyMinutes: 1 });
      const reached = server.nextRequest();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/monitors/workers/instance-worker.ts'],
        {
          env: {
            ...process.env,
            DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
            NOW: String(T0),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = once(child, 'exit');
      const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const next = async (): Promise<unknown> => {
        const line = await Promise.race([
          lines.next(),
          exited.then(() => {
            throw new Error(`the instance exited first:\n${output}`);
          }),
        ]);
        return JSON.parse(String(line.value));
      };
      expect(await next()).toEqual({
        claimed: [{ monitorId: monitor.id, dueAt: new Date(T0).toISOString() }],
      });
      // Its run is saved and has reached the server, which holds it: a check in progress.
      const saved = (await next()) as { saved: string };
      await reached;
      expect((await b.store.getRun(saved.saved))?.state).toBe('running');
      child.kill('SIGKILL');
      await exited;

      // The tick was claimed and its job is held by the dead instance: nothing to do yet.
      expect(await b.service.scheduler.tick()).toEqual([]);
      expect(await b.service.worker.drain()).toBe(0);
      release();

      // Its run ends interrupted (its process is gone), keeping what it recorded.
      await b.store.interruptStale();
      const runs = await b.store.db.selectFrom('runs').select(['id', 'state']).execute();
      expect(runs).toEqual([{ id: saved.saved, state: 'interrupted' }]);

      // The database's clock moves past the job's expiry (five minutes), as the fake clock moves
      // ours; pg-boss's supervisor takes the job back and it is checked again, by this instance.
      await sql`UPDATE pgboss.job SET started_on = started_on - interval '6 minutes' WHERE state = 'active'`.execute(
        b.store.db,
      );
      await (b.ctx.queue as PgBossQueue).expireNow();
      expect(await b.service.worker.drain()).toBe(1);
      // And the schedule goes on: the next minute is claimed and checked.
      clock.advance(MINUTE);
      expect(await b.service.scheduler.tick()).toHaveLength(1);
      await b.service.worker.drain();

      const checks = await b.ctx.store.checks(monitor.id, new Date(0).toISOString());
      expect(checks.map((c) => [c.dueAt, c.outcome])).toEqual([
        [new Date(T0).toISOString(), 'healthy'],
        [new Date(T0 + MINUTE).toISOString(), 'healthy'],
      ]);
      const states = (await b.store.db.selectFrom('runs').select('state').execute()).map(
        (r) => r.state,
      );
      expect(states.sort()).toEqual(['done', 'done', 'interrupted']);
    } finally {
      release();
      await b.close();
    }
  });
});
