import { AdmissionError } from '@/lib/security/errors';
import { StoreError } from '@/lib/store/errors';

/** Stable codes of the API's own errors; clients branch on these, never on the message. */
export type ApiErrorCode =
  'invalid-input' | 'invalid-json' | 'body-too-large' | 'not-found' | 'confirmation-required';

/** Everything the API answers is about one moment of a remote server: never cache it. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/** How long a client should wait before retrying when the database is busy or unreachable. */
const STORE_RETRY_SECONDS = 2;

export function jsonResponse(
  data: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return Response.json(data, { status, headers: { ...NO_STORE, ...headers } });
}

/** The one error shape of every route: `{ error: { code, message } }` with a 4xx status. */
export function apiError(status: number, code: ApiErrorCode, message: string): Response {
  return jsonResponse({ error: { code, message } }, status);
}

/** A typed refusal or store failure as the API answers it: its code, its status, Retry-After. */
export function errorResponse(error: AdmissionError | StoreError): Response {
  const retryAfter =
    error instanceof AdmissionError
      ? error.retryAfterSeconds
      : error.status === 503
        ? STORE_RETRY_SECONDS
        : undefined;
  return jsonResponse(
    { error: error.toData() },
    error.status,
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
  );
}

type Handler<A extends unknown[]> = (...args: A) => Promise<Response>;

/**
 * A route handler whose store failures answer `{ error: { code, message } }` with 503 (busy,
 * unreachable) or 500, instead of Next's bare 500 page and a stack trace per request.
 */
export function withStoreErrors<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof StoreError) {
        console.error(`store: ${error.message}`);
        return errorResponse(error);
      }
      throw error;
    }
  };
}
