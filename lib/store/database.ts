import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { LibsqlDialect } from '@libsql/kysely-libsql';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreConfig } from './config';
import { toStoreError } from './errors';
import { ResilientDialect } from './resilient-dialect';

/**
 * The tables, one schema for both databases: only TEXT and INTEGER columns, timestamps as ISO 8601
 * UTC strings (they sort as text in both), JSON as TEXT. Kysely compiles the same queries for
 * SQLite and PostgreSQL, and the migrations in ./migrations.ts build both.
 */
export interface RunsTable {
  id: string;
  /** The URL normalized (`new URL().href`, no fragment): history and drift group runs by it. */
  endpoint: string;
  /** The URL as shown, credentials already redacted. */
  url: string;
  created_at: string;
  /** When the probe started (the report's `startedAt`; for an import, the original run's). */
  started_at: string;
  updated_at: string;
  state: string;
  /** `probe`, or `imported` from an exported file. */
  origin: string;
  /** For an import: the id the run had where it was exported, for reference only. */
  imported_from: string | null;
  steps: string;
  error: string | null;
  /** The report as JSON, its large exchange bodies replaced by references to `blobs`. */
  report: string | null;
  /** The report's verdict and row statuses, for lists (JSON). */
  summary: string | null;
  /** What run diffs need (tools when listed, check verdicts), without loading the report (JSON). */
  snapshot: string | null;
  /** While running: the instance working on it (lib/store/instance.ts), and until when it holds it. */
  owner: string | null;
  lease_until: string | null;
  /** How the run was asked for, secrets left out (RunRequest, JSON); for a re-run. */
  request: string | null;
}

export interface BlobsTable {
  sha256: string;
  content: string;
  bytes: number;
}

export interface RunBlobsTable {
  run_id: string;
  sha256: string;
}

export interface SessionsTable {
  id: string;
  name: string;
  url: string;
  endpoint: string;
  created_at: string;
  updated_at: string;
}

export interface SessionRunsTable {
  session_id: string;
  run_id: string;
  added_at: string;
}

export interface NotesTable {
  id: string;
  session_id: string;
  run_id: string | null;
  check_id: string | null;
  exchange_id: string | null;
  author: string | null;
  body: string;
  created_at: string;
}

export interface Database {
  runs: RunsTable;
  blobs: BlobsTable;
  run_blobs: RunBlobsTable;
  sessions: SessionsTable;
  session_runs: SessionRunsTable;
  notes: NotesTable;
}

export type Db = Kysely<Database>;

/** How long a SQLite statement waits for another writer before it fails with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the configured database. SQLite goes through libSQL (`better-sqlite3` does not load on this
 * Node) in WAL mode, so readers never block the writer and a second process on the same file
 * waits its turn; PostgreSQL through a `pg` pool. Both sit behind the ResilientDialect, which
 * retries what passes (busy, a dropped connection) and turns the rest into StoreErrors.
 */
export async function openDatabase(
  config: StoreConfig['database'],
): Promise<{ db: Db; close: () => Promise<void> }> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 5 });
    watchPool(pool);
    const db = new Kysely<Database>({
      dialect: new ResilientDialect(new PostgresDialect({ pool })),
    });
    // Kysely ends the pool it was given.
    return { db, close: () => db.destroy() };
  }
  mkdirSync(path.dirname(config.file), { recursive: true });
  // libSQL keeps a pool of connections and opens more under load; `timeout` is the busy timeout
  // it gives each one as it opens it (libsql-js `Database` option), where a PRAGMA run here would
  // reach only the first. WAL is a property of the file, kept once set; `synchronous` stays at
  // SQLite's FULL, so a commit is on disk before a write is acknowledged.
  const client = createClient({ url: `file:${config.file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    await client.execute('PRAGMA journal_mode = WAL');
  } catch (error) {
    client.close();
    throw toStoreError(error, `open ${config.file}`);
  }
  const db = new Kysely<Database>({
    dialect: new ResilientDialect(new LibsqlDialect({ client })),
  });
  return {
    db,
    // The dialect does not close a client it was handed.
    close: async () => {
      await db.destroy();
      client.close();
    },
  };
}

/**
 * node-postgres emits `error` on the pool when the server ends an idle connection (a restart, a
 * failover, `pg_terminate_backend`), and on a checked-out client that loses its socket between
 * queries; with no listener either one is an uncaught exception that ends the process
 * (https://node-postgres.com/apis/pool#error). The pool drops the broken client and opens a new
 * one on the next query, so one line in the log is all there is to do.
 */
function watchPool(pool: pg.Pool): void {
  const seen = new WeakSet<Error>();
  const log = (error: Error) => {
    if (seen.has(error)) return;
    seen.add(error);
    const code = (error as { code?: string }).code;
    console.error(
      `store: a PostgreSQL connection closed${code ? ` (${code})` : ''}: ${oneLine(error.message)}; reconnecting on the next query`,
    );
  };
  pool.on('error', log);
  pool.on('connect', (client) => client.on('error', log));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * Runs `work` while holding a lock that other processes on this machine respect: a write
 * transaction (`BEGIN IMMEDIATE`) on a small SQLite file beside the database, which the system
 * releases if the process dies. Kysely's migrator takes no lock on SQLite (its SqliteAdapter's
 * `acquireMigrationLock` does nothing: one process, one connection), so two instances starting on
 * one new file would otherwise both apply a migration.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}.lock`, timeout: 60_000 });
  try {
    const lock = await client.transaction('write');
    try {
      return await work();
    } finally {
      await lock.rollback();
    }
  } finally {
    client.close();
  }
}

/** `count(*)` is a number in SQLite and a bigint string in PostgreSQL. */
export const countAll = sql<string | number>`count(*)`;
