import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, PEER_HEADER, RateLimiter, clientKey } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with Retry-After until tokens refill', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 2, maxClients: 10, now: () => now });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('b')).toEqual({ ok: true });
    now += 10_000;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a').ok).toBe(false);
  });

  it('forgets the least recently seen client past maxClients', () => {
    const now = 0;
    const limiter = new RateLimiter({ perMinute: 1, burst: 1, maxClients: 2, now: () => now });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('c').ok).toBe(false);
  });
});

describe('ConcurrencyLimit', () => {
  it('refuses work beyond the limit while earlier work is in flight', async () => {
    const limit = new ConcurrencyLimit(1);
    let release!: () => void;
    const first = limit.run(
      () => new Promise<string>((resolve) => (release = () => resolve('done'))),
    );
    expect(limit.inFlight).toBe(1);
    expect(await limit.run(async () => 'second')).toEqual({ ok: false });
    release();
    expect(await first).toEqual({ ok: true, value: 'done' });
    expect(await limit.run(async () => 'third')).toEqual({ ok: true, value: 'third' });
  });
});

describe('clientKey', () => {
  const key = (xff: string | null, peer: string | null, trusted: number) =>
    clientKey(
      new Headers({
        ...(xff === null ? {} : { 'x-forwarded-for': xff }),
        ...(peer === null ? {} : { [PEER_HEADER]: peer }),
      }),
      trusted,
    );

  it.each([
    // No proxy trusted: the socket, whatever the client wrote.
    ['203.0.113.9', '127.0.0.1', 0, '127.0.0.1'],
    ['forged-1, forged-2', '198.51.100.4', 0, '198.51.100.4'],
    [null, '198.51.100.4', 0, '198.51.100.4'],
    // One proxy: the address it appended, not the leftmost (which the client wrote).
    ['forged, 203.0.113.9', '10.0.0.2', 1, '203.0.113.9'],
    ['203.0.113.9', '10.0.0.2', 1, '203.0.113.9'],
    // Two proxies: two hops from the socket.
    ['forged, 203.0.113.9, 10.0.0.3', '10.0.0.2', 2, '203.0.113.9'],
    // Fewer hops than proxies: the furthest one there is.
    [null, '10.0.0.2', 2, '10.0.0.2'],
    // No socket address (a request built in-process): Next's own X-Forwarded-For is the last hop.
    ['198.51.100.7', null, 0, '198.51.100.7'],
    [null, null, 0, 'anonymous'],
  ] as const)(
    'X-Forwarded-For %s from %s with %i trusted proxies → %s',
    (xff, peer, n, expected) => {
      expect(key(xff, peer, n)).toBe(expected);
    },
  );

  it('gives a client that forges a new X-Forwarded-For each time no new bucket', () => {
    const keys = new Set(Array.from({ length: 50 }, (_, i) => key(`192.0.2.${i}`, '127.0.0.1', 0)));
    expect([...keys]).toEqual(['127.0.0.1']);
  });
});
