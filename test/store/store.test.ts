import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import type { Report } from '@/lib/report/schema';
import { startRun } from '@/lib/runs/start';
import type { Run } from '@/lib/runs/schema';
import { handleMcpRequest } from '@/lib/samples/handler';
import { BLOB_THRESHOLD_BYTES } from '@/lib/store/blobs';
import { countAll } from '@/lib/store/database';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { newStoreId, Store } from '@/lib/store/store';
import { healthyMcpServer, manyToolsServer, serveWeb, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { postgresBackend, sqliteBackend, type Backend, type TestDatabase } from './backends';

const TOKEN = 'tok_live_store_9c8b7a6f5e4d3c2b';
const HEADER_SECRET = 'header-secret-5a4b3c2d1e0f';
const RETENTION = { runs: 1000, days: 90 };

let healthy: Running;
let many: Running;
let echoing: Running;
/** Real reports from real servers on loopback, reused as the content of the runs saved below. */
let healthyReport: Report;
let manyReport: Report;

/** Hands every credential it receives back, in its instructions and a tool description. */
function echoingServer(): Promise<Running> {
  return serveWeb((request) => {
    const seen = `${request.headers.get('authorization')} ${request.headers.get('x-team-secret')}`;
    return handleMcpRequest(request, () => {
      const mcp = new McpServer(
        { name: 'echo', version: '1.0.0' },
        { instructions: `You sent ${seen}` },
      );
      mcp.registerTool(
        'whoami',
        { description: `Says who you are: ${seen}`, annotations: { readOnlyHint: true } },
        async () => ({ content: [{ type: 'text', text: seen }] }),
      );
      return mcp;
    });
  });
}

beforeAll(async () => {
  [healthy, many, echoing] = await Promise.all([
    healthyMcpServer(),
    manyToolsServer(30),
    echoingServer(),
  ]);
  [healthyReport, manyReport] = await Promise.all([
    runHealthCheck(targetFor(healthy.url)),
    runHealthCheck(targetFor(many.url)),
  ]);
});
afterAll(() => Promise.all([healthy, many, echoing].map((s) => s?.close())));

let clock = Date.parse('2026-03-01T00:00:00.000Z');
/** A finished run of `url` made from a real report, each one a minute after the last. */
function finished(url: string, report: Report, overrides: Partial<Run> = {}): Run {
  clock += 60_000;
  const at = new Date(clock).toISOString();
  return {
    id: newStoreId(),
    url,
    createdAt: at,
    state: 'done',
    steps: report.steps,
    report: { ...report, url, target: { ...report.target, url }, startedAt: at },
    ...overrides,
  };
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('the store on %s', (_name, makeBackend) => {
  let backend: Backend;
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    backend = await makeBackend();
    database = await backend.newDatabase();
    store = await Store.open({ database: database.config, retention: RETENTION, leaseMs: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await backend?.stop();
  });

  it('migrates on open, and a second instance on the same database sees each saved step', async () => {
    const other = await Store.open({
      database: database.config,
      retention: RETENTION,
      leaseMs: 60_000,
    });
    try {
      const run: Run = {
        id: newStoreId(),
        url: 'https://progress.example/mcp',
        createdAt: new Date().toISOString(),
        state: 'running',
        steps: [],
      };
      await store.saveRun(run);
      expect(await other.getRun(run.id)).toMatchObject({ state: 'running', steps: [] });
      await store.saveRun({ ...run, steps: healthyReport.steps.slice(0, 2) });
      expect((await other.getRun(run.id))?.steps).toEqual(healthyReport.steps.slice(0, 2));

      const done = finished(run.url, healthyReport, { id: run.id, createdAt: run.createdAt });
      await store.saveRun(done);
      const read = await other.getRun(run.id);
      expect(read).toMatchObject({ state: 'done', origin: 'probe', importedFrom: null });
      expect(read?.report).toEqual(json(done.report));
      expect(read?.startedAt).toBe(done.report?.startedAt);
    } finally {
      await other.close();
    }
  });

  it('answers undefined for a run it does not have', async () => {
    expect(await store.getRun(newStoreId())).toBeUndefined();
  });

  it('stores each large exchange body once, shared by every run that recorded it', async () => {
    const listing = manyReport.exchanges.find((x) => x.rpc?.method === 'tools/list');
    expect(listing?.response?.body?.text.length).toBeGreaterThan(BLOB_THRESHOLD_BYTES);
    const blobsBefore = Number(
      (await store.db.selectFrom('blobs').select(countAll.as('n')).executeTakeFirstOrThrow()).n,
    );
    const first = finished('https://blobs.example/mcp', manyReport);
    const second = finished('https://blobs.example/mcp', manyReport);
    await store.saveRun(first);
    const added = Number(
      (await store.db.selectFrom('blobs').select(countAll.as('n')).executeTakeFirstOrThrow()).n,
    );
    await store.saveRun(second);
    const after = Number(
      (await store.db.selectFrom('blobs').select(countAll.as('n')).executeTakeFirstOrThrow()).n,
    );
    expect(added).toBeGreaterThan(blobsBefore);
    expect(after).toBe(added);

    // The row itself does not hold the body; reading the run puts it back.
    const row = await store.db
      .selectFrom('runs')
      .select('report')
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(row.report).not.toContain(listing?.response?.body?.text);
    expect((await store.getRun(second.id))?.report).toEqual(json(second.report));
  });

  it('lists the history of one endpoint newest first, a page at a time', async () => {
    const url = 'https://history.example/mcp';
    const runs = [1, 2, 3, 4, 5].map(() => finished(url, healthyReport));
    for (const run of runs) await store.saveRun(run);
    await store.saveRun(finished('https://other.example/mcp', healthyReport));

    // The URL is matched as `new URL` spells it: case of the host, a fragment, a default port.
    const first = await store.history('HTTPS://History.Example:443/mcp#top', { limit: 2 });
    expect(first.runs.map((r) => r.id)).toEqual([runs[4]?.id, runs[3]?.id]);
    expect(first.runs[0]).toMatchObject({
      url,
      state: 'done',
      origin: 'probe',
      status: healthyReport.status,
      toolCount: healthyReport.tools.length,
      rows: healthyReport.rows.map((r) => ({ id: r.id, status: r.status })),
    });
    expect(first.next).not.toBeNull();
    const second = await store.history(url, { limit: 2, cursor: first.next ?? '' });
    expect(second.runs.map((r) => r.id)).toEqual([runs[2]?.id, runs[1]?.id]);
    const third = await store.history(url, { limit: 2, cursor: second.next ?? '' });
    expect(third.runs.map((r) => r.id)).toEqual([runs[0]?.id]);
    expect(third.next).toBeNull();
    await expect(store.history(url, { limit: 2, cursor: 'bogus' })).rejects.toThrow(/cursor/);
  });

  it('finds the previous complete tool list of the same endpoint for drift', async () => {
    const url = 'https://drift.example/mcp';
    const listed = finished(url, healthyReport);
    const unlisted = finished(url, {
      ...healthyReport,
      listing: null,
      tools: [],
    });
    const current = finished(url, manyReport);
    for (const run of [listed, unlisted, current]) await store.saveRun(run);

    const before = { id: current.id, startedAt: current.report?.startedAt ?? '' };
    expect(await store.previousTools(url, before)).toEqual({
      runId: listed.id,
      startedAt: listed.report?.startedAt,
      tools: json(healthyReport.tools),
    });
    // Nothing earlier than the first run, and never the run itself.
    expect(
      await store.previousTools(url, { id: listed.id, startedAt: listed.report?.startedAt ?? '' }),
    ).toBeNull();
    expect(await store.previousTools('https://nothing.example/mcp', before)).toBeNull();
    // The run page compares with the run just before, even one that failed before listing.
    expect((await store.previousSnapshot(url, before, { listed: false }))?.runId).toBe(unlisted.id);
  });

  it('keeps sessions, their runs newest first, and their notes in order', async () => {
    const url = 'https://session.example/mcp';
    const session = await store.createSession({ name: 'Tools vanish in ChatGPT', url });
    expect(await store.getSession(session.id)).toEqual(session);
    const [older, newer] = [finished(url, healthyReport), finished(url, manyReport)];
    for (const run of [newer, older]) {
      await store.saveRun(run);
      await store.attachRun(session.id, run.id);
    }
    await store.attachRun(session.id, older.id);
    const runs = await store.sessionRuns(session.id, 10);
    expect(runs.map((r) => r.run.id)).toEqual([newer.id, older.id]);
    expect(runs[0]?.snapshot?.tools).toHaveLength(manyReport.tools.length);
    expect(await store.sessionsOfRun(older.id)).toEqual([
      expect.objectContaining({ id: session.id, name: 'Tools vanish in ChatGPT' }),
    ]);

    const on = { sessionId: session.id, author: null, exchangeId: null };
    const a = await store.addNote({ ...on, runId: null, checkId: null, body: 'Started' });
    const b = await store.addNote({
      ...on,
      runId: newer.id,
      checkId: 'tools.drift',
      author: 'Ana',
      body: '**Refresh** fixed it',
    });
    expect((await store.notes(session.id)).map((n) => [n.id, n.author, n.checkId, n.body])).toEqual(
      [
        [a?.id, null, null, 'Started'],
        [b?.id, 'Ana', 'tools.drift', '**Refresh** fixed it'],
      ],
    );
    expect((await store.recentSessions(50)).map((s) => s.id)).toContain(session.id);
  });

  it('never stores the token or the header values a run was made with', async () => {
    const registry = new PersistentRunRegistry(async () => store, new MemoryRunRegistry());
    const { run, done } = startRun(
      registry,
      targetFor(echoing.url, { token: TOKEN, headers: { 'X-Team-Secret': HEADER_SECRET } }),
    );
    await done;
    await registry.settled(run.id);
    const saved = await store.getRun(run.id);
    expect(saved?.state).toBe('done');
    // The server really echoed them, so a leak would be in the report.
    expect(saved?.report?.server.instructions).toContain('[redacted]');
    const session = await store.createSession({ name: 'auth', url: run.url });
    await store.attachRun(session.id, run.id);

    const everything = await database.dump();
    expect(everything).toContain('whoami');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(HEADER_SECRET);
  });

  describe('retention', () => {
    let store: Store;

    beforeAll(async () => {
      const fresh = await backend.newDatabase();
      store = await Store.open({
        database: fresh.config,
        retention: { runs: 2, days: 30 },
        leaseMs: 60_000,
      });
    });
    afterAll(() => store?.close());

    /** A copy of a report whose `initialize` answer is a large body of its own. */
    const withBody = (report: Report, text: string): Report => ({
      ...report,
      exchanges: report.exchanges.map((x, i) =>
        i === 0 && x.response
          ? {
              ...x,
              response: { ...x.response, body: { text, bytes: text.length, truncated: false } },
            }
          : x,
      ),
    });
    const shared = 's'.repeat(5000);
    const own = 'o'.repeat(5000);

    it('drops runs past the count and the age, sessions left idle, and blobs nobody uses', async () => {
      const now = new Date('2026-06-01T00:00:00.000Z');
      const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
      const url = 'https://retention.example/mcp';
      const old = finished(url, withBody(healthyReport, own), { createdAt: daysAgo(40) });
      const kept = [3, 2, 1].map((d) =>
        finished(url, withBody(healthyReport, shared), { createdAt: daysAgo(d) }),
      );
      const running: Run = {
        id: newStoreId(),
        url,
        createdAt: daysAgo(5),
        state: 'running',
        steps: [],
      };
      for (const run of [old, ...kept, running]) await store.saveRun(run);

      const idle = await store.createSession({ name: 'idle', url });
      await store.db
        .updateTable('sessions')
        .set({ updated_at: daysAgo(31) })
        .where('id', '=', idle.id)
        .execute();
      await store.addNote({
        sessionId: idle.id,
        runId: null,
        checkId: null,
        exchangeId: null,
        author: null,
        body: 'old',
      });
      await store.db
        .updateTable('sessions')
        .set({ updated_at: daysAgo(31) })
        .where('id', '=', idle.id)
        .execute();
      const active = await store.createSession({ name: 'active', url });
      await store.attachRun(active.id, old.id);
      await store.attachRun(active.id, kept[2]?.id ?? '');

      const pruned = await store.prune(now);
      expect(pruned).toMatchObject({ runs: 2, sessions: 1 });
      expect(pruned.blobs).toBeGreaterThan(0);

      // The newest two finished runs and the running one are left.
      expect(await store.getRun(old.id)).toBeUndefined();
      expect(await store.getRun(kept[0]?.id ?? '')).toBeUndefined();
      const survivor = await store.getRun(kept[2]?.id ?? '');
      expect(survivor?.report?.exchanges[0]?.response?.body?.text).toBe(shared);
      expect(await store.getRun(running.id)).toMatchObject({ state: 'running' });

      const contents = (await store.db.selectFrom('blobs').select('content').execute()).map(
        (b) => b.content,
      );
      expect(contents.some((c) => c.includes(shared))).toBe(true);
      expect(contents.some((c) => c.includes(own))).toBe(false);

      expect(await store.getSession(idle.id)).toBeUndefined();
      expect(await store.notes(idle.id)).toEqual([]);
      expect((await store.sessionRuns(active.id, 10)).map((r) => r.run.id)).toEqual([kept[2]?.id]);
    });
  });
});
