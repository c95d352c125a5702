import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { toStoreError, transientKind } from './errors';

/** How often a statement that met a passing failure is tried again, and the waits in between. */
export const RETRY_DELAYS_MS = [50, 250, 1000] as const;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One statement through a connection that can be swapped: a statement that meets a passing failure
 * (SQLite busy past its timeout, a PostgreSQL connection that the server ended) is tried again on a
 * fresh connection, and anything that still fails leaves as a StoreError. Inside a transaction
 * nothing is retried: the transaction as a whole failed, and Kysely rolls it back.
 */
class ResilientConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    public inner: DatabaseConnection,
    private readonly driver: Driver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (error) {
        const kind = transientKind(error);
        const delay = RETRY_DELAYS_MS[attempt];
        if (!kind || this.inTransaction || delay === undefined) {
          throw toStoreError(error, `${verbOf(query)} ${tableOf(query)}`.trim());
        }
        if (kind === 'store-unavailable') await this.reconnect();
        await wait(delay);
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  /** Gives the broken connection back (the pool drops it) and takes another. */
  private async reconnect(): Promise<void> {
    await this.driver.releaseConnection(this.inner).catch(() => undefined);
    this.inner = await this.driver.acquireConnection();
  }
}

const verbOf = (query: CompiledQuery) => /^\s*(\w+)/.exec(query.sql)?.[1]?.toLowerCase() ?? 'query';
const tableOf = (query: CompiledQuery) =>
  /\b(?:into|from|update|table)\s+"?(\w+)"?/i.exec(query.sql)?.[1] ?? '';

class ResilientDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    for (let attempt = 0; ; attempt++) {
      try {
        return new ResilientConnection(await this.inner.acquireConnection(), this.inner);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (!transientKind(error) || delay === undefined) throw toStoreError(error, 'connect');
        await wait(delay);
      }
    }
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const c = connection as ResilientConnection;
    await this.inner.beginTransaction(c.inner, settings);
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection) {
    const c = connection as ResilientConnection;
    try {
      await this.inner.commitTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    const c = connection as ResilientConnection;
    try {
      await this.inner.rollbackTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as ResilientConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * A dialect whose statements retry passing failures and fail as StoreErrors. Kysely has no hook
 * for either (a KyselyPlugin has `transformQuery` and `transformResult`, and never sees an error:
 * kysely/dist/esm/plugin/kysely-plugin.d.ts), so the driver is wrapped.
 */
export class ResilientDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}

  createDriver(): Driver {
    return new ResilientDriver(this.inner.createDriver());
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}
