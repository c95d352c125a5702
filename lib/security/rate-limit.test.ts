import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, RateLimiter, clientKey } from './rate-limit';

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
  it('uses the first forwarded hop only behind a trusted proxy', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' });
    expect(clientKey(headers, true)).toBe('203.0.113.9');
    expect(clientKey(headers, false)).toBe('203.0.113.9, 10.0.0.1');
    expect(clientKey(new Headers(), true)).toBe('anonymous');
  });
});
