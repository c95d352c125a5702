import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, createSession, importRun, rerun } from '@/lib/sessions/actions';
import { exportDocument, parseImport } from '@/lib/sessions/transfer';
import { sessionView } from '@/lib/sessions/view';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { Store } from '@/lib/store/store';
import { healthyMcpServer, type Running } from '../fixtures/servers';
import { sqliteBackend, type Backend } from './backends';

let server: Running;
let backend: Backend;
let store: Store;
let registry: PersistentRunRegistry;

beforeAll(async () => {
  server = await healthyMcpServer();
  backend = await sqliteBackend();
  const database = await backend.newDatabase();
  store = await Store.open({
    database: database.config,
    retention: { runs: 100, days: 30 },
    leaseMs: 60_000,
  });
  registry = new PersistentRunRegistry(async () => store, new MemoryRunRegistry());
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  await backend?.stop();
});

describe('debugging sessions', () => {
  it('starts a session from a URL with its first run, reruns it, diffs and notes', async () => {
    const created = await createSession(store, registry, {
      from: 'url',
      url: new URL(server.url),
      name: null,
      token: 'first-run-token-123',
    });
    if (!created.ok || !created.started) throw new Error('not created');
    expect(created.session.name).toBe(`${new URL(server.url).host}/mcp`);
    await created.started.done;
    // The token is not kept: the page asks for it again before a rerun.
    expect((await sessionView(store, created.session.id))?.rerun).toEqual({
      needsUrl: false,
      token: true,
      headerNames: [],
    });

    const again = await rerun(store, registry, created.session, {});
    if (!again.ok) throw new Error(again.message);
    await again.done;

    const view = await sessionView(store, created.session.id);
    expect(view?.runs.map((r) => r.id)).toEqual([again.run.id, created.started.run.id]);
    expect(view?.runs.every((r) => r.state === 'done')).toBe(true);
    // The rerun was made without a token, so none is asked for now.
    expect(view?.rerun.token).toBe(false);
    expect(view?.diffs).toHaveLength(1);
    expect(view?.diffs[0]).toMatchObject({
      from: { runId: created.started.run.id },
      to: { runId: again.run.id },
      tools: { added: [], removed: [], changed: [], unchanged: 3 },
    });
    // The rerun compared its tools with the first run's: tools.drift passed.
    const second = await store.getRun(again.run.id);
    expect(second?.report?.previousTools?.runId).toBe(created.started.run.id);
    expect(second?.report?.checks.find((c) => c.id === 'tools.drift')?.status).toBe('pass');

    const note = await addNote(store, created.session, {
      body: 'drift is clean',
      author: 'Ana',
      runId: again.run.id,
      checkId: 'tools.drift',
    });
    expect(note).toMatchObject({ ok: true, note: { author: 'Ana', checkId: 'tools.drift' } });
    const stranger = await addNote(store, created.session, {
      body: 'x',
      author: null,
      runId: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(stranger).toMatchObject({ ok: false, status: 400 });
    expect((await sessionView(store, created.session.id))?.notes).toHaveLength(1);
  });

  it('asks again for the full URL when the session URL had a secret in it', async () => {
    const secretUrl = `${server.url}?api_key=url-secret-456`;
    const created = await createSession(store, registry, {
      from: 'url',
      url: new URL(secretUrl),
      name: 'keyed',
    });
    if (!created.ok || !created.started) throw new Error('not created');
    await created.started.done;
    expect(created.session.url).not.toContain('url-secret-456');
    expect((await sessionView(store, created.session.id))?.rerun.needsUrl).toBe(true);

    const other = await rerun(store, registry, created.session, {
      url: new URL(`${server.origin}/elsewhere?api_key=url-secret-456`),
    });
    expect(other).toMatchObject({ ok: false, status: 400 });
    const same = await rerun(store, registry, created.session, { url: new URL(secretUrl) });
    if (!same.ok) throw new Error(same.message);
    await same.done;
    expect((await store.getRun(same.run.id))?.report?.rows[1]?.status).toBe('pass');
  });

  it('starts a session from a run, and imports an export as a new run with the same verdicts', async () => {
    const first = await createSession(store, registry, {
      from: 'url',
      url: new URL(server.url),
      name: 'source',
    });
    if (!first.ok || !first.started) throw new Error('not created');
    await first.started.done;
    const fromRun = await createSession(store, registry, {
      from: 'run',
      runId: first.started.run.id,
      name: null,
    });
    if (!fromRun.ok) throw new Error(fromRun.message);
    expect((await store.sessionRuns(fromRun.session.id, 5)).map((r) => r.run.id)).toEqual([
      first.started.run.id,
    ]);

    const original = await store.getRun(first.started.run.id);
    if (!original) throw new Error('missing');
    const parsed = parseImport(JSON.parse(JSON.stringify(exportDocument(original))));
    if (!parsed.ok) throw new Error(parsed.message);
    const id = await importRun(store, parsed.transcript, parsed.importedFrom);
    const imported = await store.getRun(id);
    expect(imported).toMatchObject({ origin: 'imported', importedFrom: original.id });
    expect(imported?.report?.rows).toEqual(original.report?.rows);
    expect(imported?.report?.checks.map((c) => [c.id, c.status])).toEqual(
      original.report?.checks.map((c) => [c.id, c.status]),
    );
  });
});
