import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster } from '@/scripts/pg-test-cluster.mjs';
import type { StoreConfig } from '@/lib/store/config';

/** A fresh, empty database for the store. */
export interface TestDatabase {
  config: StoreConfig['database'];
  /** Everything the database holds, as text: to search it all for a value. */
  dump: () => Promise<string>;
}

/** Where the suite's databases come from: one server (or directory) per test file. */
export interface Backend {
  newDatabase: () => Promise<TestDatabase>;
  stop: () => Promise<void>;
}

/** SQLite files in a temporary directory; a dump is the files' bytes, WAL included. */
export async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-doctor-store-'));
  let n = 0;
  return {
    newDatabase: async () => {
      const folder = path.join(dir, String(n++));
      return {
        config: { kind: 'sqlite', file: path.join(folder, 'test.db') },
        dump: async () =>
          readdirSync(folder)
            .map((f) => readFileSync(path.join(folder, f)).toString('latin1'))
            .join('\n'),
      };
    },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL: the server `DATABASE_URL` names (CI's, started by scripts/pg-test-cluster.mjs), or
 * a throwaway cluster started here. CI always provides one; without it the suite fails rather than
 * testing SQLite alone and looking green. Each database is created here and dropped at the end.
 */
export async function postgresBackend(): Promise<Backend> {
  let server = process.env.DATABASE_URL || undefined;
  let stopCluster = () => {};
  if (!server) {
    if (process.env.CI === 'true') {
      throw new Error(
        'CI=true but DATABASE_URL is not set: .ci/run must start the PostgreSQL test cluster',
      );
    }
    const cluster = await startCluster();
    server = cluster.url;
    stopCluster = cluster.stop;
  }
  const admin = server;
  const names: string[] = [];
  return {
    newDatabase: async () => {
      const name = `mcp_doctor_test_${Math.random().toString(36).slice(2, 10)}`;
      await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
      names.push(name);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return {
        config: { kind: 'postgres', url: url.href },
        dump: () =>
          withClient(url.href, async (client) => {
            const tables = await client.query<{ tablename: string }>(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
            );
            const parts: string[] = [];
            for (const { tablename } of tables.rows) {
              const rows = await client.query<{ row: string }>(
                `SELECT t::text AS row FROM "${tablename}" t`,
              );
              parts.push(...rows.rows.map((r) => r.row));
            }
            return parts.join('\n');
          }),
      };
    },
    stop: async () => {
      await withClient(admin, async (c) => {
        for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
      stopCluster();
    },
  };
}
