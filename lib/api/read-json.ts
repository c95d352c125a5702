import { apiError, errorResponse } from './errors';
import { readBoundedBody } from './read-body';

/** Check input is a URL, a few headers and a token; anything much larger is not a request we serve. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request body as JSON, stopping at MAX_BODY_BYTES instead of buffering whatever a client
 * sends. Answers the 400/413 Response to send back when the body is not usable.
 */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const read = await readBoundedBody(request, MAX_BODY_BYTES);
  if (!read.ok) return { ok: false, response: errorResponse(read.error) };
  const { text } = read;
  if (text.trim() === '') {
    return {
      ok: false,
      response: apiError(
        400,
        'invalid-json',
        'the request body is empty; send a JSON object such as {"url":"https://example.com/mcp"}',
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return {
      ok: false,
      response: apiError(400, 'invalid-json', `the request body is not valid JSON${detail}`),
    };
  }
}
