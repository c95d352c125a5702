import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readJsonBody } from './read-json';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/check', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);

async function errorOf(result: Awaited<ReturnType<typeof readJsonBody>>) {
  if (result.ok) throw new Error('expected an error');
  return {
    status: result.response.status,
    body: (await result.response.json()) as { error: { code: string; message: string } },
    cache: result.response.headers.get('cache-control'),
  };
}

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    expect(await readJsonBody(post('{"url":"https://example.com/mcp"}'))).toEqual({
      ok: true,
      value: { url: 'https://example.com/mcp' },
    });
  });

  it('answers 400 invalid-json for broken JSON, naming the problem', async () => {
    const error = await errorOf(await readJsonBody(post('{"url":')));
    expect(error).toMatchObject({
      status: 400,
      cache: 'no-store',
      body: { error: { code: 'invalid-json' } },
    });
    expect(error.body.error.message).toMatch(/not valid JSON/);
  });

  it('answers 400 for an empty body', async () => {
    expect(await errorOf(await readJsonBody(post(null)))).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-json', message: expect.stringMatching(/empty/) } },
    });
  });

  it('stops reading a body larger than the bound, even without a content-length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const error = await errorOf(await readJsonBody(post(stream)));
    expect(error).toMatchObject({ status: 413, body: { error: { code: 'body-too-large' } } });
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2);
  });
});
