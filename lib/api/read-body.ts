import { AdmissionError } from '@/lib/security/errors';

/**
 * Reads a request body as text, stopping at `max` bytes instead of buffering whatever a client
 * sends: refused by its Content-Length before a byte is read, and by the count of the bytes that
 * came. A client that goes away mid-upload is one line in the log, not a stack trace.
 */
export async function readBoundedBody(
  request: Request,
  max: number,
): Promise<{ ok: true; text: string } | { ok: false; error: AdmissionError }> {
  const tooLarge = (): { ok: false; error: AdmissionError } => ({
    ok: false,
    error: new AdmissionError('body-too-large', `the request body is larger than ${max} bytes`),
  });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) return tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > max) {
          await reader.cancel().catch(() => undefined);
          return tooLarge();
        }
        chunks.push(value);
      }
    } catch (error) {
      const path = new URL(request.url).pathname;
      const why = error instanceof Error ? error.message : String(error);
      console.error(
        `${request.method} ${path}: the client went away after ${size} bytes of its body (${why.slice(0, 100)})`,
      );
      return {
        ok: false,
        error: new AdmissionError('body-aborted', 'the request body did not arrive whole'),
      };
    }
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
