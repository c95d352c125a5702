import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { LibsqlDialect } from '@libsql/kysely-libsql';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreConfig } from './config';

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

/**
 * Opens the configured database. SQLite goes through libSQL (`better-sqlite3` does not load on this
 * Node) in WAL mode, so a second process reading the file (another `next start`) does not block the
 * writer; PostgreSQL through a `pg` pool.
 */
export async function openDatabase(
  config: StoreConfig['database'],
): Promise<{ db: Db; close: () => Promise<void> }> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 5 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    // Kysely ends the pool it was given.
    return { db, close: () => db.destroy() };
  }
  mkdirSync(path.dirname(config.file), { recursive: true });
  const client = createClient({ url: `file:${config.file}` });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new LibsqlDialect({ client }) });
  return {
    db,
    // The dialect does not close a client it was handed.
    close: async () => {
      await db.destroy();
      client.close();
    },
  };
}

/** `count(*)` is a number in SQLite and a bigint string in PostgreSQL. */
export const countAll = sql<string | number>`count(*)`;
