import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { upgradeReport } from '@/lib/diagnose/upgrade';
import { RunSnapshotSchema, snapshotOf, type RunSnapshot } from '@/lib/diagnose/diff';
import type { PreviousTools, Report } from '@/lib/report/schema';
import { RerunRequestSchema, type Run } from '@/lib/runs/schema';
import { blobRefs, externalizeBodies, restoreBodies } from './blobs';
import type { StoreConfig } from './config';
import { countAll, openDatabase, withFileLock, type Db, type RunsTable } from './database';
import { endpointOf } from './endpoint';
import { encodeCursor, parseCursor } from './cursor';
import { formatOwner, ownerIsGone, parseOwner, thisInstance } from './instance';
import { migrate } from './migrations';
import {
  NoteSchema,
  RunSummarySchema,
  SessionSchema,
  StoredRunSchema,
  type Note,
  type RunOrigin,
  type RunSummary,
  type Session,
  type StoredRun,
} from './schema';

export const newStoreId = (): string => randomBytes(16).toString('base64url');

/** Bounds on what one session holds, so a shared link cannot grow without end. */
export const MAX_NOTES_PER_SESSION = 1000;
/** Rows per insert: well under SQLite's and PostgreSQL's bound on bound parameters. */
const CHUNK = 200;

export { endpointOf };

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

const SummaryJsonSchema = RunSummarySchema.pick({
  status: true,
  rows: true,
  problems: true,
  toolCount: true,
  sentWith: true,
});

function summaryOf(report: Report): z.infer<typeof SummaryJsonSchema> {
  return {
    status: report.status,
    rows: report.rows.map((row) => ({ id: row.id, status: row.status })),
    problems: report.checks.filter((c) => c.status === 'fail' || c.status === 'error').length,
    toolCount: report.listing ? report.tools.length : null,
    sentWith: { token: report.target.hasToken, headerNames: report.target.headerNames },
  };
}

type SummaryRow = Pick<
  RunsTable,
  'id' | 'url' | 'created_at' | 'started_at' | 'state' | 'origin' | 'summary'
>;

function toSummary(row: SummaryRow): RunSummary {
  const summary = row.summary
    ? SummaryJsonSchema.parse(JSON.parse(row.summary))
    : { status: null, rows: [], problems: null, toolCount: null, sentWith: null };
  return RunSummarySchema.parse({
    id: row.id,
    url: row.url,
    createdAt: row.created_at,
    startedAt: row.started_at,
    state: row.state,
    origin: row.origin,
    ...summary,
  });
}

const SUMMARY_COLUMNS = [
  'id',
  'url',
  'created_at',
  'started_at',
  'state',
  'origin',
  'summary',
] as const;

/** A page of a history: newest first; `next` is the cursor of the following page, if any. */
export interface HistoryPage {
  runs: RunSummary[];
  next: string | null;
}

/** What an interrupted run says in place of a report. */
export const INTERRUPTED = {
  code: 'interrupted',
  message:
    'The MCP Doctor process running this check stopped (a crash, a restart or a deploy) before it finished. The steps below are what it had recorded; run the check again to get a report.',
} as const;

/**
 * Runs, sessions and notes, in SQLite or PostgreSQL. Everything saved is already redacted (by the
 * probe, and again by lib/runs before a step is handed over): a run's token and header values never
 * reach it. Asynchronous throughout, and every read goes to the database, so several app instances
 * sharing PostgreSQL see each other's work. A running run is leased to the instance working on it;
 * one whose instance is gone is marked `interrupted`.
 */
export class Store {
  private lastPrune = 0;

  private constructor(
    readonly db: Db,
    private readonly closeDb: () => Promise<void>,
    readonly config: StoreConfig,
  ) {}

  /** Opens the database and brings its schema up to date. */
  static async open(config: StoreConfig): Promise<Store> {
    const { db, close } = await openDatabase(config.database);
    try {
      const { database } = config;
      if (database.kind === 'sqlite') await withFileLock(database.file, () => migrate(db as never));
      else await migrate(db as never);
    } catch (error) {
      await close();
      throw error;
    }
    const store = new Store(db, close, config);
    // Runs left running by a process that is gone (kill -9, a crash, a deploy) end here.
    await store.interruptStale().catch((error: unknown) => {
      console.error(`store: could not mark interrupted runs: ${(error as Error).message}`);
    });
    return store;
  }

  close(): Promise<void> {
    return this.closeDb();
  }

  /**
   * Saves a run whole (created, each step, finished, or changed later). The order of the writes
   * keeps a concurrent prune from collecting a blob this run uses: the row exists before its blob
   * references, and the references before the blobs.
   */
  async saveRun(
    run: Run,
    meta: { origin?: RunOrigin; importedFrom?: string | null } = {},
  ): Promise<void> {
    const at = Date.now();
    const now = new Date(at).toISOString();
    const running = run.state === 'running';
    const external = run.report ? externalizeBodies(run.report) : null;
    const row: RunsTable = {
      id: run.id,
      endpoint: endpointOf(run.url),
      url: run.url,
      created_at: run.createdAt,
      started_at: run.report?.startedAt ?? run.createdAt,
      updated_at: now,
      state: run.state,
      origin: meta.origin ?? 'probe',
      imported_from: meta.importedFrom ?? null,
      steps: JSON.stringify(run.steps),
      error: run.error ? JSON.stringify(run.error) : null,
      report: external ? JSON.stringify(external.stored) : null,
      summary: run.report ? JSON.stringify(summaryOf(run.report)) : null,
      snapshot: run.report ? JSON.stringify(snapshotOf(run.id, run.report)) : null,
      owner: running ? formatOwner(thisInstance()) : null,
      lease_until: running ? new Date(at + this.config.leaseMs).toISOString() : null,
      request: run.request ? JSON.stringify(run.request) : null,
    };
    // Where a run came from, when it was made and how it was asked for never change once saved.
    const { id: _id, origin: _o, imported_from: _i, created_at: _c, request: _r, ...update } = row;
    if (external && external.blobs.size > 0) {
      await this.db
        .insertInto('runs')
        .values({
          ...row,
          report: null,
          summary: null,
          snapshot: null,
          // A placeholder this instance holds for the moment its blobs take to write.
          state: 'running',
          owner: formatOwner(thisInstance()),
          lease_until: new Date(at + this.config.leaseMs).toISOString(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const refs = [...external.blobs.keys()];
      for (const part of chunks(refs)) {
        await this.db
          .insertInto('run_blobs')
          .values(part.map((sha256) => ({ run_id: run.id, sha256 })))
          .onConflict((oc) => oc.columns(['run_id', 'sha256']).doNothing())
          .execute();
      }
      for (const part of chunks([...external.blobs])) {
        await this.db
          .insertInto('blobs')
          .values(
            part.map(([sha256, content]) => ({
              sha256,
              content,
              bytes: Buffer.byteLength(content),
            })),
          )
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
      }
    }
    await this.db
      .insertInto('runs')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute();
    if (external) {
      const refs = [...external.blobs.keys()];
      let stale = this.db.deleteFrom('run_blobs').where('run_id', '=', run.id);
      if (refs.length) stale = stale.where('sha256', 'not in', refs);
      await stale.execute();
    }
  }

  async getRun(id: string): Promise<StoredRun | undefined> {
    const row = await this.db
      .selectFrom('runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.state === 'running' && this.isStale(row, Date.now())) {
      await this.interrupt([row.id]);
      return this.getRun(id);
    }
    let report: unknown;
    if (row.report) {
      const stored = JSON.parse(row.report) as Parameters<typeof restoreBodies>[0];
      report = upgradeReport(restoreBodies(stored, await this.blobs(blobRefs(stored))));
    }
    return StoredRunSchema.parse({
      id: row.id,
      url: row.url,
      createdAt: row.created_at,
      startedAt: row.started_at,
      state: row.state,
      origin: row.origin,
      importedFrom: row.imported_from,
      steps: JSON.parse(row.steps),
      ...(report ? { report } : {}),
      ...(row.error ? { error: JSON.parse(row.error) } : {}),
      ...(row.request ? { request: RerunRequestSchema.parse(JSON.parse(row.request)) } : {}),
    });
  }

  /** Extends this instance's leases on the runs it is still working on. */
  async renewLeases(ids: readonly string[], now = Date.now()): Promise<void> {
    const lease = new Date(now + this.config.leaseMs).toISOString();
    for (const part of chunks(ids)) {
      await this.db
        .updateTable('runs')
        .set({ lease_until: lease })
        .where('id', 'in', part)
        .where('state', '=', 'running')
        .where('owner', '=', formatOwner(thisInstance()))
        .execute();
    }
  }

  private isStale(row: Pick<RunsTable, 'owner' | 'lease_until'>, now: number): boolean {
    const owner = parseOwner(row.owner);
    if (!owner || !row.lease_until) return true;
    return Date.parse(row.lease_until) < now || ownerIsGone(owner);
  }

  /**
   * Marks `interrupted` every running run whose instance is gone: a lease not renewed in time, or
   * a process of this host that no longer runs (so a restart after kill -9 ends them at once,
   * rather than a lease later). Answers how many it marked.
   */
  async interruptStale(now = Date.now()): Promise<number> {
    const running = await this.db
      .selectFrom('runs')
      .select(['id', 'owner', 'lease_until'])
      .where('state', '=', 'running')
      .execute();
    const stale = running.filter((row) => this.isStale(row, now)).map((row) => row.id);
    await this.interrupt(stale);
    return stale.length;
  }

  /** Ends runs as interrupted, keeping the steps they recorded; only those still running. */
  private async interrupt(ids: readonly string[]): Promise<void> {
    const now = new Date().toISOString();
    for (const part of chunks(ids)) {
      await this.db
        .updateTable('runs')
        .set({
          state: 'interrupted',
          error: JSON.stringify(INTERRUPTED),
          owner: null,
          lease_until: null,
          updated_at: now,
        })
        .where('id', 'in', part)
        .where('state', '=', 'running')
        .execute();
    }
  }

  private async blobs(hashes: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunks(hashes)) {
      const rows = await this.db
        .selectFrom('blobs')
        .select(['sha256', 'content'])
        .where('sha256', 'in', part)
        .execute();
      for (const row of rows) found.set(row.sha256, row.content);
    }
    return found;
  }

  /** The runs of one endpoint, newest first, a page at a time. */
  async history(url: string, options: { limit: number; cursor?: string }): Promise<HistoryPage> {
    let query = this.db
      .selectFrom('runs')
      .select(SUMMARY_COLUMNS)
      .where('endpoint', '=', endpointOf(url));
    if (options.cursor) {
      const cursor = parseCursor(options.cursor);
      if (!cursor.success) throw new TypeError('cursor is not one this API gave');
      const { startedAt, id } = cursor.data;
      query = query.where((eb) =>
        eb.or([
          eb('started_at', '<', startedAt),
          eb.and([eb('started_at', '=', startedAt), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
    const runs = rows.slice(0, options.limit).map(toSummary);
    const last = runs.at(-1);
    return { runs, next: rows.length > options.limit && last ? encodeCursor(last) : null };
  }

  /** The newest runs of any endpoint, for the history page. */
  async recentRuns(limit: number): Promise<RunSummary[]> {
    const rows = await this.db
      .selectFrom('runs')
      .select(SUMMARY_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  /**
   * The last finished run of the same endpoint that started before this one. With `listed` (what
   * `tools.drift` compares with), the last one that listed its tools completely; without, the last
   * one even when it failed early (the run page's "broken → fixed").
   */
  async previousSnapshot(
    url: string,
    before: { startedAt: string; id: string },
    { listed = true }: { listed?: boolean } = {},
  ): Promise<RunSnapshot | null> {
    const rows = await this.db
      .selectFrom('runs')
      .select(['snapshot'])
      .where('endpoint', '=', endpointOf(url))
      .where('state', '=', 'done')
      .where('id', '!=', before.id)
      .where('started_at', '<', before.startedAt)
      .where('snapshot', 'is not', null)
      .orderBy('started_at', 'desc')
      .limit(20)
      .execute();
    for (const row of rows) {
      const snapshot = row.snapshot ? RunSnapshotSchema.parse(JSON.parse(row.snapshot)) : null;
      if (snapshot && (snapshot.tools || !listed)) return snapshot;
    }
    return null;
  }

  async previousTools(
    url: string,
    before: { startedAt: string; id: string },
  ): Promise<PreviousTools | null> {
    const snapshot = await this.previousSnapshot(url, before);
    return snapshot?.tools
      ? { runId: snapshot.runId, startedAt: snapshot.startedAt, tools: snapshot.tools }
      : null;
  }

  async createSession(input: { name: string; url: string }): Promise<Session> {
    const now = new Date().toISOString();
    const session: Session = {
      id: newStoreId(),
      name: input.name,
      url: input.url,
      createdAt: now,
      updatedAt: now,
    };
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        name: session.name,
        url: session.url,
        endpoint: endpointOf(session.url),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return session;
  }

  async getSession(id: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row
      ? SessionSchema.parse({
          id: row.id,
          name: row.name,
          url: row.url,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        })
      : undefined;
  }

  async recentSessions(limit: number): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      SessionSchema.parse({
        id: row.id,
        name: row.name,
        url: row.url,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }),
    );
  }

  private touchSession(id: string, now: string) {
    return this.db.updateTable('sessions').set({ updated_at: now }).where('id', '=', id).execute();
  }

  async attachRun(sessionId: string, runId: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('session_runs')
      .values({ session_id: sessionId, run_id: runId, added_at: now })
      .onConflict((oc) => oc.columns(['session_id', 'run_id']).doNothing())
      .execute();
    await this.touchSession(sessionId, now);
  }

  async isRunInSession(sessionId: string, runId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('session_runs')
      .select('run_id')
      .where('session_id', '=', sessionId)
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A session's runs, newest first, with what their diffs need. */
  async sessionRuns(
    sessionId: string,
    limit: number,
  ): Promise<{ run: RunSummary; snapshot: RunSnapshot | null }[]> {
    const rows = await this.db
      .selectFrom('session_runs')
      .innerJoin('runs', 'runs.id', 'session_runs.run_id')
      .select([...SUMMARY_COLUMNS.map((c) => `runs.${c}` as const), 'runs.snapshot'])
      .where('session_runs.session_id', '=', sessionId)
      .orderBy('runs.started_at', 'desc')
      .orderBy('runs.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      run: toSummary(row),
      snapshot: row.snapshot ? RunSnapshotSchema.parse(JSON.parse(row.snapshot)) : null,
    }));
  }

  async sessionsOfRun(runId: string): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('session_runs')
      .innerJoin('sessions', 'sessions.id', 'session_runs.session_id')
      .selectAll('sessions')
      .where('session_runs.run_id', '=', runId)
      .orderBy('sessions.updated_at', 'desc')
      .limit(20)
      .execute();
    return rows.map((row) =>
      SessionSchema.parse({
        id: row.id,
        name: row.name,
        url: row.url,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }),
    );
  }

  /** Adds a note, or answers false when the session already holds its maximum. */
  async addNote(input: Omit<Note, 'id' | 'createdAt'>): Promise<Note | null> {
    const count = await this.db
      .selectFrom('notes')
      .select(countAll.as('n'))
      .where('session_id', '=', input.sessionId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_NOTES_PER_SESSION) return null;
    const note: Note = { ...input, id: newStoreId(), createdAt: new Date().toISOString() };
    await this.db
      .insertInto('notes')
      .values({
        id: note.id,
        session_id: note.sessionId,
        run_id: note.runId,
        check_id: note.checkId,
        exchange_id: note.exchangeId,
        author: note.author,
        body: note.body,
        created_at: note.createdAt,
      })
      .execute();
    await this.touchSession(note.sessionId, note.createdAt);
    return note;
  }

  /** A session's notes, oldest first (a conversation reads down). */
  async notes(sessionId: string): Promise<Note[]> {
    const rows = await this.db
      .selectFrom('notes')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(MAX_NOTES_PER_SESSION)
      .execute();
    return rows.map((row) =>
      NoteSchema.parse({
        id: row.id,
        sessionId: row.session_id,
        runId: row.run_id,
        checkId: row.check_id,
        exchangeId: row.exchange_id,
        author: row.author,
        body: row.body,
        createdAt: row.created_at,
      }),
    );
  }

  /**
   * Applies the retention settings: runs beyond the newest `retention.runs` (finished ones, not a
   * monitor's), runs and sessions older than `retention.days`, then what only they referenced
   * (session links, blob references, blobs). Notes stay with their session while it is kept.
   */
  async prune(now = new Date()): Promise<{ runs: number; sessions: number; blobs: number }> {
    const { runs: keep, days } = this.config.retention;
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    let runs = Number(
      (await this.db.deleteFrom('runs').where('created_at', '<', cutoff).executeTakeFirst())
        .numDeletedRows,
    );
    // Monitors' runs are not counted: a monitor checking every minute would push every other run
    // out within a day. They are kept by their own rule (lib/monitors/store.ts `prune`).
    const monitorRuns = this.db
      .selectFrom('monitor_checks')
      .select('run_id')
      .where('run_id', 'is not', null);
    for (;;) {
      const extra = await this.db
        .selectFrom('runs')
        .select('id')
        .where('state', '!=', 'running')
        .where('id', 'not in', monitorRuns)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(CHUNK)
        .offset(keep)
        .execute();
      if (extra.length === 0) break;
      const ids = extra.map((r) => r.id);
      runs += Number(
        (await this.db.deleteFrom('runs').where('id', 'in', ids).executeTakeFirst()).numDeletedRows,
      );
    }
    const oldSessions = this.db
      .selectFrom('sessions')
      .select('id')
      .where('updated_at', '<', cutoff);
    await this.db.deleteFrom('notes').where('session_id', 'in', oldSessions).execute();
    const sessions = Number(
      (await this.db.deleteFrom('sessions').where('updated_at', '<', cutoff).executeTakeFirst())
        .numDeletedRows,
    );
    const liveRuns = this.db.selectFrom('runs').select('id');
    await this.db
      .deleteFrom('session_runs')
      .where((eb) =>
        eb.or([
          eb('run_id', 'not in', liveRuns),
          eb('session_id', 'not in', this.db.selectFrom('sessions').select('id')),
        ]),
      )
      .execute();
    await this.db.deleteFrom('run_blobs').where('run_id', 'not in', liveRuns).execute();
    const blobs = Number(
      (
        await this.db
          .deleteFrom('blobs')
          .where('sha256', 'not in', this.db.selectFrom('run_blobs').select('sha256'))
          .executeTakeFirst()
      ).numDeletedRows,
    );
    this.lastPrune = now.getTime();
    return { runs, sessions, blobs };
  }

  /** Prunes at most once a minute: called after each finished run, cheap when nothing is due. */
  async pruneIfDue(now = new Date()): Promise<void> {
    if (now.getTime() - this.lastPrune < 60_000) return;
    this.lastPrune = now.getTime();
    await this.prune(now);
  }
}
