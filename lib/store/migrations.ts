import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The schema's history, applied in order on start. Written with Kysely's schema builder using
 * only types both databases share, so one list serves SQLite and PostgreSQL. Never edit a
 * migration that has shipped; add the next one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-runs-sessions-notes-blobs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('imported_from', 'text')
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('report', 'text')
        .addColumn('summary', 'text')
        .addColumn('snapshot', 'text')
        .execute();
      await db.schema
        .createIndex('runs_endpoint_started')
        .on('runs')
        .columns(['endpoint', 'started_at'])
        .execute();
      await db.schema.createIndex('runs_created').on('runs').column('created_at').execute();

      await db.schema
        .createTable('blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('run_blobs')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_blobs_pk', ['run_id', 'sha256'])
        .execute();
      await db.schema.createIndex('run_blobs_sha256').on('run_blobs').column('sha256').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('session_runs')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('session_runs_pk', ['session_id', 'run_id'])
        .execute();
      await db.schema.createIndex('session_runs_run').on('session_runs').column('run_id').execute();

      await db.schema
        .createTable('notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text')
        .addColumn('check_id', 'text')
        .addColumn('exchange_id', 'text')
        .addColumn('author', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notes_session_created')
        .on('notes')
        .columns(['session_id', 'created_at'])
        .execute();
    },
  },
  // Leases, so a run whose process died is marked interrupted instead of running for ever, and
  // how each run was asked for (secrets left out), so it can be made again with one click.
  '0002-run-leases-and-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runs').addColumn('owner', 'text').execute();
      await db.schema.alterTable('runs').addColumn('lease_until', 'text').execute();
      await db.schema.alterTable('runs').addColumn('request', 'text').execute();
      await db.schema.createIndex('runs_state').on('runs').column('state').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the database up to date; PostgreSQL serializes concurrent starts with a lock. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
