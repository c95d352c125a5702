import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecrets } from '@/lib/monitors/monitors';
import { MONITOR_RETENTION_DAYS } from '@/lib/monitors/service';
import { KeyRing, sealedKeyId } from '@/lib/monitors/secrets';
import { countAll } from '@/lib/store/database';
import { postgresBackend, sqliteBackend, type Backend } from '../store/backends';
import {
  FakeClock,
  MINUTE,
  T0,
  instance,
  switchableServer,
  testKey,
  watch,
  type Instance,
} from './support';

/**
 * The schedule on a fake clock, against a real MCP server on loopback and a real database: a
 * monitor checks when created and then every N minutes, each check a saved run; state changes
 * become events; the schedule survives a restart.
 */
describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('monitors on %s', (_name, makeBackend) => {
  let backend: Backend;
  let server: Awaited<ReturnType<typeof switchableServer>>;

  beforeAll(async () => {
    [backend, server] = await Promise.all([makeBackend(), switchableServer()]);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await backend?.stop();
  });

  async function tickAndDrain(one: Instance) {
    const claimed = await one.service.scheduler.tick();
    await one.service.worker.drain();
    return claimed;
  }

  it('checks once when created, then every N minutes, each check a saved run', async () => {
    server.mode.broken = false;
    server.mode.extraTool = false;
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const one = await instance(database.config, clock);
    try {
      const { monitor } = await watch(one.ctx, { url: server.url, everyMinutes: 5 });
      expect(monitor).toMatchObject({ state: 'unknown', nextCheckAt: new Date(T0).toISOString() });

      expect(await tickAndDrain(one)).toEqual([
        { monitorId: monitor.id, dueAt: new Date(T0).toISOString() },
      ]);
      // Nothing is due again until five minutes have passed.
      clock.advance(4 * MINUTE + 59_000);
      expect(await tickAndDrain(one)).toEqual([]);
      clock.advance(1000);
      expect(await tickAndDrain(one)).toHaveLength(1);

      const checks = await one.ctx.store.checks(monitor.id, new Date(0).toISOString());
      expect(checks.map((c) => [c.dueAt, c.outcome])).toEqual([
        [new Date(T0).toISOString(), 'healthy'],
        [new Date(T0 + 5 * MINUTE).toISOString(), 'healthy'],
      ]);
      expect(checks.every((c) => c.latencyMs !== null && c.toolCount === 3)).toBe(true);
      // Each check is an ordinary saved run: its permalink reads it, with its report and log.
      for (const check of checks) {
        const run = await one.store.getRun(check.runId ?? '');
        expect(run).toMatchObject({ state: 'done', url: server.url, origin: 'probe' });
        expect(run?.report?.healthy).toBe(true);
        expect(run?.report?.exchanges.length).toBeGreaterThan(0);
      }
      // The second run was compared with the first (tools.drift), as any run of the endpoint is.
      const second = await one.store.getRun(checks[1]?.runId ?? '');
      expect(second?.report?.checks.find((c) => c.id === 'tools.drift')?.status).toBe('pass');
      const view = (await one.ctx.store.get(monitor.id))!;
      expect(view).toMatchObject({
        state: 'healthy',
        last_run_id: checks[1]?.runId,
        next_due_at: new Date(T0 + 10 * MINUTE).toISOString(),
      });
      expect(await one.ctx.store.events(monitor.id)).toEqual([]);
    } finally {
      await one.close();
    }
  });

  it('turns each change into an event that links its run, and only changes', async () => {
    server.mode.broken = false;
    server.mode.extraTool = false;
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const one = await instance(database.config, clock);
    try {
      const { monitor } = await watch(one.ctx, {
        url: server.url,
        everyMinutes: 1,
        name: 'Recipes',
      });
      await tickAndDrain(one);
      const step = async () => {
        clock.advance(MINUTE);
        await tickAndDrain(one);
      };
      server.mode.broken = true;
      await step();
      await step(); // still failing: no second alert
      server.mode.broken = false;
      await step();
      server.mode.extraTool = true;
      await step();

      const events = (await one.ctx.store.events(monitor.id)).reverse();
      expect(events.map((e) => e.kind)).toEqual(['failing', 'recovered', 'tools-changed']);
      expect(events[0]?.summary).toMatch(/^Recipes is failing: /);
      expect(events[0]?.detail.rows.find((r) => r.id === 'connection')?.status).toBe('fail');
      expect(events[2]?.detail.tools).toEqual({ added: ['list_menus'], removed: [], changed: [] });
      const checks = await one.ctx.store.checks(monitor.id, new Date(0).toISOString());
      for (const event of events) {
        expect(checks.some((c) => c.runId === event.runId)).toBe(true);
      }
      expect(checks.map((c) => c.outcome)).toEqual([
        'healthy',
        'failing',
        'failing',
        'healthy',
        'healthy',
      ]);
    } finally {
      server.mode.broken = false;
      server.mode.extraTool = false;
      await one.close();
    }
  });

  it('a slow check of an earlier tick that ends last does not put the state back', async () => {
    const database = await backend.newDatabase();
    const one = await instance(database.config, new FakeClock(T0));
    try {
      const { monitor } = await watch(one.ctx, { url: server.url, everyMinutes: 1 });
      const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
      const state = (s: 'healthy' | 'failing', minutes: number) =>
        one.ctx.store.setState(monitor.id, {
          state: s,
          stateSince: at(minutes),
          lastCheckAt: at(minutes),
          lastRunId: null,
        });
      await state('healthy', 1);
      await state('failing', 0);
      expect(await one.ctx.store.get(monitor.id)).toMatchObject({
        state: 'healthy',
        last_check_at: at(1),
      });
      await state('failing', 2);
      expect((await one.ctx.store.get(monitor.id))?.state).toBe('failing');
    } finally {
      await one.close();
    }
  });

  it('keeps its schedule across a restart, and a paused monitor is not checked', async () => {
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const first = await instance(database.config, clock);
    const { monitor } = await watch(first.ctx, { url: server.url, everyMinutes: 10 });
    const other = await watch(first.ctx, { url: server.url, everyMinutes: 10 });
    await tickAndDrain(first);
    await first.close();

    // A new process: the next tick is where the database says, not a fresh start.
    clock.advance(9 * MINUTE);
    const second = await instance(database.config, clock);
    try {
      expect(await tickAndDrain(second)).toEqual([]);
      await second.ctx.store.update(other.monitor.id, { paused: 1 });
      clock.advance(MINUTE);
      expect(await tickAndDrain(second)).toEqual([
        { monitorId: monitor.id, dueAt: new Date(T0 + 10 * MINUTE).toISOString() },
      ]);
      const count = await second.store.db
        .selectFrom('monitor_checks')
        .select(countAll.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('seals credentials again under a new key at start, after which the old key can go', async () => {
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    const [oldKey, newKey] = [testKey(), testKey()];
    const token = 'tok_rotation_7d41e0b95a';
    const first = await instance(database.config, clock, { keys: KeyRing.from(oldKey) });
    const { monitor } = await watch(first.ctx, { url: server.url, everyMinutes: 1, token });
    expect(sealedKeyId((await first.ctx.store.get(monitor.id))?.secrets ?? '')).toBe(oldKey.id);
    await first.close();

    // MCP_DOCTOR_SECRET_KEY is the new key, MCP_DOCTOR_SECRET_KEYS_PREVIOUS the old one.
    const rotated = await instance(database.config, clock, {
      keys: KeyRing.from(newKey, [oldKey]),
    });
    await rotated.close();

    // The old key gone: the new one alone opens the token.
    const after = await instance(database.config, clock, { keys: KeyRing.from(newKey) });
    try {
      const row = (await after.ctx.store.get(monitor.id))!;
      expect(sealedKeyId(row.secrets ?? '')).toBe(newKey.id);
      expect(openSecrets(after.ctx, row).token).toBe(token);
    } finally {
      await after.close();
    }
  });

  it('keeps the runs of incidents, lets quiet runs go after a week, and checks for the charts', async () => {
    server.mode.broken = false;
    const database = await backend.newDatabase();
    const clock = new FakeClock(T0);
    // The store keeps one run: monitors' runs are not counted against it.
    const one = await instance(database.config, clock, { retentionRuns: 1 });
    try {
      const { monitor } = await watch(one.ctx, { url: server.url, everyMinutes: 1 });
      for (const broken of [false, true, false, false]) {
        server.mode.broken = broken;
        await tickAndDrain(one);
        clock.advance(MINUTE);
      }
      server.mode.broken = false;
      const checks = await one.ctx.store.checks(monitor.id, new Date(0).toISOString());
      expect(checks.map((c) => c.outcome)).toEqual(['healthy', 'failing', 'healthy', 'healthy']);
      const runIds = checks.map((c) => c.runId);
      const kept = async () =>
        (await one.store.db.selectFrom('runs').select('id').execute()).map((r) => r.id).sort();

      await one.store.prune();
      expect(await kept()).toEqual([...runIds].sort());

      const days = { ...MONITOR_RETENTION_DAYS, events: 90 };
      // Eight days on: the runs of the failure and the recovery stay, the quiet ones go.
      await one.ctx.store.prune(T0 + 8 * 86_400_000, days);
      expect(await kept()).toEqual([runIds[1], runIds[2]].sort());
      expect(await one.ctx.store.checks(monitor.id, new Date(0).toISOString())).toHaveLength(4);
      // Past the 30-day chart and its margin, the checks go too; the incidents stay.
      await one.ctx.store.prune(T0 + 36 * 86_400_000, days);
      expect(await one.ctx.store.checks(monitor.id, new Date(0).toISOString())).toEqual([]);
      expect((await one.ctx.store.events(monitor.id)).map((e) => e.kind)).toEqual([
        'recovered',
        'failing',
      ]);
    } finally {
      server.mode.broken = false;
      await one.close();
    }
  });
});
