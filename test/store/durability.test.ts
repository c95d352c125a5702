import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Run } from '@/lib/runs/schema';
import { formatOwner, thisInstance } from '@/lib/store/instance';
import { newStoreId, Store } from '@/lib/store/store';
import { quotingServer } from '../fixtures/quoting-server';
import type { Running } from '../fixtures/servers';
import { postgresBackend, sqliteBackend, type Backend, type TestDatabase } from './backends';

/**
 * What a crash, a second instance or a database restart must not cost: runs end as interrupted
 * (never running for ever), with what they recorded and no secret; acknowledged writes are there
 * afterwards; a connection the server ends is one line in the log and the next query works.
 * The processes are real (`node --import tsx` running a worker of ./workers), killed with SIGKILL.
 */
const RETENTION = { runs: 1000, days: 90 };
const LEASE_MS = 60_000;

const step = (id: 'dns' | 'tcp', summary: string) => ({
  id,
  status: 'ok' as const,
  durationMs: 1,
  summary,
  error: null,
});

function runningRun(): Run {
  return {
    id: newStoreId(),
    url: 'https://lease.example/mcp',
    createdAt: new Date().toISOString(),
    state: 'running',
    steps: [step('dns', 'resolved'), step('tcp', 'connected')],
  };
}

/** A worker process, its JSON lines as they come, and everything it printed. */
function worker(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', `test/store/workers/${script}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const events: unknown[] = [];
  const waiters: (() => void)[] = [];
  lines.on('line', (line) => {
    output += `${line}\n`;
    events.push(JSON.parse(line));
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    output: () => output,
    events,
    exited,
    /** Resolves with the first event that matches, or rejects when the process ends first. */
    async until<T>(match: (event: T) => boolean): Promise<T> {
      for (;;) {
        const found = (events as T[]).find(match);
        if (found) return found;
        const woke = new Promise<void>((resolve) => waiters.push(resolve));
        const ended = exited.then(([code]) => {
          throw new Error(`worker ${script} exited (${code}) first:\n${output}`);
        });
        await Promise.race([woke, ended]);
      }
    },
  };
}

async function killHard(child: ChildProcess, exited: Promise<unknown>) {
  child.kill('SIGKILL');
  await exited;
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('run leases on %s', (_name, makeBackend) => {
  let backend: Backend;
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    backend = await makeBackend();
    database = await backend.newDatabase();
    store = await Store.open({
      database: database.config,
      retention: RETENTION,
      leaseMs: LEASE_MS,
    });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await backend?.stop();
  });

  it('interrupts a run whose lease ran out, keeping the steps it recorded', async () => {
    const run = runningRun();
    await store.saveRun(run);
    expect(await store.interruptStale()).toBe(0);
    expect((await store.getRun(run.id))?.state).toBe('running');

    // Renewed, the lease outlives its first term; not renewed, it ends.
    await store.renewLeases([run.id], Date.now() + LEASE_MS);
    expect(await store.interruptStale(Date.now() + LEASE_MS + 1)).toBe(0);
    expect(await store.interruptStale(Date.now() + 2 * LEASE_MS + 1)).toBe(1);
    expect(await store.getRun(run.id)).toMatchObject({
      state: 'interrupted',
      steps: run.steps,
      error: { code: 'interrupted' },
    });
    // A run that finished meanwhile is never marked.
    const done = { ...runningRun(), state: 'done' as const };
    await store.saveRun(done);
    expect(await store.interruptStale(Date.now() + 10 * LEASE_MS)).toBe(0);
  });

  it('interrupts at once, on open, a run whose process on this host is gone', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    const [code] = (await once(gone, 'exit')) as [number];
    expect(code).toBe(0);
    const run = runningRun();
    await store.saveRun(run);
    await store.db
      .updateTable('runs')
      .set({ owner: formatOwner({ ...thisInstance(), pid: gone.pid ?? 0 }) })
      .where('id', '=', run.id)
      .execute();

    const reopened = await Store.open({
      database: database.config,
      retention: RETENTION,
      leaseMs: LEASE_MS,
    });
    try {
      expect(await reopened.getRun(run.id)).toMatchObject({
        state: 'interrupted',
        steps: run.steps,
      });
    } finally {
      await reopened.close();
    }
  });
});

describe('a process killed with SIGKILL in the middle of a run (SQLite)', () => {
  const TOKEN = 'tok-Crash-0123456789abcdefXYZ';
  const SECRET = 'hdr-Crash-9876543210fedcbaQRS';
  let backend: Backend;
  let server: Running & { requests: () => number };

  beforeAll(async () => {
    backend = await sqliteBackend();
    // Quotes both secrets in its 401, then never answers the auth discovery: the run stays running.
    server = await quotingServer({ header: 'X-Team-Secret', pad: 0, hang: true });
  });
  afterAll(async () => {
    await server?.close();
    await backend?.stop();
  });

  const pieces = (value: string) =>
    Array.from({ length: value.length - 5 }, (_, at) => value.slice(at, at + 6));
  const expectNoSecret = (text: string, where: string) => {
    for (const secret of [TOKEN, SECRET]) {
      for (const piece of pieces(secret)) expect(text, `${piece} in ${where}`).not.toContain(piece);
    }
  };

  it('leaves no secret at rest, mid-run or after, and the run ends interrupted with its steps', async () => {
    const database = await backend.newDatabase();
    if (database.config.kind !== 'sqlite') throw new Error('SQLite expected');
    const env = {
      DATABASE_URL: '',
      MCP_DOCTOR_DB: database.config.file,
      TARGET_URL: server.url,
      TARGET_TOKEN: TOKEN,
      TARGET_SECRET: SECRET,
    };
    const first = worker('run-worker.ts', env);
    // The step that quotes the secrets (initialize) is saved; the run is still going.
    const { id } = await first.until<{ id: string; steps: number }>((e) => e.steps >= 4);
    const observer = await Store.open({
      database: database.config,
      retention: RETENTION,
      leaseMs: LEASE_MS,
    });
    try {
      const midRun = await observer.getRun(id);
      expect(midRun?.state).toBe('running');
      expect(JSON.stringify(midRun)).toContain('Error POSTing');
      expectNoSecret(JSON.stringify(midRun), 'the run read mid-run');
      expectNoSecret(await database.dump(), 'the database files mid-run');

      await killHard(first.child, first.exited);
      expectNoSecret(first.output(), 'the worker’s output');

      // The next start marks it interrupted, keeping what it recorded.
      const restarted = await Store.open({
        database: database.config,
        retention: RETENTION,
        leaseMs: LEASE_MS,
      });
      const after = await restarted.getRun(id);
      await restarted.close();
      expect(after).toMatchObject({ state: 'interrupted', error: { code: 'interrupted' } });
      expect(after?.steps.map((s) => s.id)).toEqual(midRun?.steps.map((s) => s.id));
      expect(after?.request).toMatchObject({
        sentWith: { token: true, headerNames: ['X-Team-Secret'] },
      });
      expectNoSecret(JSON.stringify(after), 'the interrupted run');
      expectNoSecret(await database.dump(), 'the database files after the crash');
    } finally {
      await observer.close();
      if (first.child.exitCode === null && first.child.signalCode === null) {
        await killHard(first.child, first.exited);
      }
    }
  }, 90_000);
});

describe('two processes writing to one SQLite file', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await sqliteBackend();
  });
  afterAll(() => backend?.stop());

  it('lose no acknowledged write and answer no error', async () => {
    const database = await backend.newDatabase();
    if (database.config.kind !== 'sqlite') throw new Error('SQLite expected');
    // Migrated first, so both start on the same schema (a migration race is its own test below).
    await (
      await Store.open({ database: database.config, retention: RETENTION, leaseMs: LEASE_MS })
    ).close();
    const env = { DATABASE_URL: '', MCP_DOCTOR_DB: database.config.file, COUNT: '60' };
    const writers = [worker('write-worker.ts', env), worker('write-worker.ts', env)];
    const codes = await Promise.all(writers.map((w) => w.exited));
    for (const [i, [code]] of codes.entries()) {
      expect(code, writers[i]?.output()).toBe(0);
    }
    const acknowledged = writers.flatMap((w) =>
      (w.events as { run?: string }[]).flatMap((e) => (e.run ? [e.run] : [])),
    );
    expect(acknowledged).toHaveLength(120);

    const store = await Store.open({
      database: database.config,
      retention: RETENTION,
      leaseMs: LEASE_MS,
    });
    try {
      for (const id of acknowledged) expect((await store.getRun(id))?.state).toBe('failed');
      for (const w of writers) {
        const session = (w.events as { session?: string }[]).find((e) => e.session)?.session ?? '';
        expect(await store.sessionRuns(session, 100)).toHaveLength(60);
      }
    } finally {
      await store.close();
    }
  }, 120_000);

  it('migrate a new file once when both start at the same moment', async () => {
    const database = await backend.newDatabase();
    if (database.config.kind !== 'sqlite') throw new Error('SQLite expected');
    const env = { DATABASE_URL: '', MCP_DOCTOR_DB: database.config.file, COUNT: '5' };
    const writers = [worker('write-worker.ts', env), worker('write-worker.ts', env)];
    const codes = await Promise.all(writers.map((w) => w.exited));
    for (const [i, [code]] of codes.entries()) expect(code, writers[i]?.output()).toBe(0);
  }, 120_000);
});

describe('a PostgreSQL server that ends the pool’s connections', () => {
  let backend: Backend;
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    backend = await postgresBackend();
    database = await backend.newDatabase();
    store = await Store.open({
      database: database.config,
      retention: RETENTION,
      leaseMs: LEASE_MS,
    });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await backend?.stop();
  });

  it(
    'logs one line per connection, reconnects, and the query in flight still answers',
    {
      timeout: 60_000,
    },
    async () => {
      if (database.config.kind !== 'postgres') throw new Error('PostgreSQL expected');
      const logged: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
      try {
        // Several connections open and idle in the pool, and one busy in a query.
        await Promise.all(Array.from({ length: 4 }, () => store.recentRuns(1)));
        const inFlight = sql<{ ok: number }>`select 1 as ok from pg_sleep(3)`.execute(store.db);
        const admin = new pg.Client({ connectionString: database.config.url });
        await admin.connect();
        try {
          await vi.waitFor(
            async () => {
              const active = await admin.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()",
              );
              expect(active.rows[0]?.n).toBe(1);
            },
            { timeout: 15_000 },
          );
          const ended = await admin.query(
            'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          );
          expect(ended.rows[0]?.n).toBeGreaterThanOrEqual(2);
        } finally {
          await admin.end();
        }
        // The statement that lost its connection is retried on a new one.
        expect((await inFlight).rows).toEqual([{ ok: 1 }]);
        await vi.waitFor(() => expect(logged.length).toBeGreaterThan(0), { timeout: 15_000 });
        for (const line of logged) {
          expect(line).toMatch(/^store: a PostgreSQL connection closed\b/);
          expect(line).not.toContain('\n');
        }
        // And the store works as before.
        const run = { ...runningRun(), state: 'done' as const };
        await store.saveRun(run);
        expect((await store.getRun(run.id))?.state).toBe('done');
      } finally {
        spy.mockRestore();
      }
    },
  );
});
