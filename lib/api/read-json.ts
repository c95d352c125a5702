import { apiError } from './errors';

/** Check input is a URL, a few headers and a token; anything much larger is not a request we serve. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request body as JSON, stopping at MAX_BODY_BYTES instead of buffering whatever a client
 * sends. Answers the 400/413 Response to send back when the body is not usable.
 */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({
    ok: false as const,
    response: apiError(
      413,
      'body-too-large',
      `the request body is larger than ${MAX_BODY_BYTES} bytes`,
    ),
  });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
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
