import { z } from 'zod';

/**
 * What can go wrong with the database, as stable codes (SDK-style, like lib/probe/errors.ts). API
 * callers get `{ error: { code, message } }` with the status of the table below; the message names
 * what was being done and the database's own code, never a query or its parameters.
 */
export const StoreErrorCodeSchema = z.enum([
  /** SQLite stayed locked by another connection or process past the busy timeout and the retries. */
  'store-busy',
  /** The database cannot be reached, or dropped the connection (a restart, a failover). */
  'store-unavailable',
  /** Anything else the database refused; a bug on our side rather than a passing state. */
  'store-failed',
]);
export type StoreErrorCode = z.infer<typeof StoreErrorCodeSchema>;

/** The HTTP status of each code: the first two pass, so clients may retry (Retry-After). */
export const STORE_ERROR_STATUS: Record<StoreErrorCode, number> = {
  'store-busy': 503,
  'store-unavailable': 503,
  'store-failed': 500,
};

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }

  get status(): number {
    return STORE_ERROR_STATUS[this.code];
  }

  toData(): { code: StoreErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

// SQLite result codes (https://www.sqlite.org/rescode.html): BUSY and LOCKED pass once the other
// writer commits. libSQL puts the name in `code` (`SQLITE_BUSY`, or an extended `SQLITE_BUSY_…`).
const SQLITE_BUSY = /^SQLITE_(BUSY|LOCKED)/;
// PostgreSQL SQLSTATEs of a connection that went away (https://www.postgresql.org/docs/current/errcodes-appendix.html):
// class 08 (connection exception), 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
const PG_GONE = /^(08\d{3}|57P0[123])$/;
const NODE_GONE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
// node-postgres says these in words, without a code, when the socket closed under a client.
const PG_GONE_MESSAGE = /Connection terminated|not queryable|Client was closed/i;

function codeOf(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

/** Which kind of passing failure an error is, if it is one: what the store retries. */
export function transientKind(error: unknown): 'store-busy' | 'store-unavailable' | null {
  if (error instanceof StoreError) return error.code === 'store-failed' ? null : error.code;
  const code = codeOf(error);
  if (SQLITE_BUSY.test(code)) return 'store-busy';
  if (PG_GONE.test(code) || NODE_GONE.has(code)) return 'store-unavailable';
  const message = error instanceof Error ? error.message : '';
  return PG_GONE_MESSAGE.test(message) ? 'store-unavailable' : null;
}

/** Anything a database call threw, as a StoreError whose one-line message says what was being done. */
export function toStoreError(error: unknown, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = codeOf(error);
  const kind = transientKind(error) ?? 'store-failed';
  const what =
    kind === 'store-busy'
      ? 'the database is locked by another writer'
      : kind === 'store-unavailable'
        ? 'the database is not reachable'
        : 'the database refused it';
  return new StoreError(kind, `${doing}: ${what}${code ? ` (${code})` : ''}`, { cause: error });
}
