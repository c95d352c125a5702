/**
 * A `fetch` that sends the `Host` header it is given. Node's fetch (undici's, per the Fetch
 * standard) sets Host from the URL and ignores one passed in; undici's `request()` sends it as
 * written, which is what a DNS-rebinding page's request looks like to a local server (the URL's
 * address, another name in Host). Loaded only when a run needs it, as the dialer loads undici.
 * Redirects are never followed; the recorder bounds time and bytes as for every exchange.
 */
export const hostRequest = (async (input: string | URL | Request, init?: RequestInit) => {
  const { request } = await import('undici');
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
  const answer = await request(String(input instanceof Request ? input.url : input), {
    method: (init?.method ?? 'GET') as 'POST',
    headers,
    body: typeof init?.body === 'string' ? init.body : null,
    signal: init?.signal ?? undefined,
  });
  const responseHeaders = new Headers();
  for (const [key, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) value.forEach((v) => responseHeaders.append(key, v));
    else if (value !== undefined) responseHeaders.set(key, value);
  }
  const empty = [101, 204, 205, 304].includes(answer.statusCode);
  const iterator = answer.body[Symbol.asyncIterator]();
  if (empty) await answer.body.dump().catch(() => {});
  const body = empty
    ? null
    : new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value as Buffer));
        },
        cancel: () => void answer.body.destroy(),
      });
  return new Response(body, { status: answer.statusCode, headers: responseHeaders });
}) as typeof fetch;
