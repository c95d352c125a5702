/** Stable codes of the API's own errors; clients branch on these, never on the message. */
export type ApiErrorCode = 'invalid-input' | 'invalid-json' | 'body-too-large' | 'not-found';

/** Everything the API answers is about one moment of a remote server: never cache it. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

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
