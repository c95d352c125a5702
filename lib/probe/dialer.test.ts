import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDialer, systemResolver, type Resolver } from './dialer';
import { toProbeError } from './errors';

// Test names resolve to loopback through this resolver; nothing but 127.0.0.1 is ever dialled.
const resolved: string[] = [];
const resolver: Resolver = async (hostname) => {
  resolved.push(hostname);
  if (hostname === 'internal.test' || hostname === 'rebind.test')
    return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hop') res.writeHead(302, { location: `http://rebind.test:${port}/` }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function attempt(url: string, blockPrivate: boolean) {
  const dialer = createDialer({ blockPrivate, resolve: resolver }, 2_000);
  try {
    const res = await dialer.fetch(url);
    return { ok: true as const, text: await res.text() };
  } catch (error) {
    return { ok: false as const, error: toProbeError(error, `GET ${url}`) };
  } finally {
    await dialer.close();
  }
}

describe('createDialer', () => {
  it('reaches a name that resolves to loopback when private addresses are allowed', async () => {
    expect(await attempt(`http://internal.test:${port}/`, false)).toEqual({
      ok: true,
      text: 'reached',
    });
  });

  it('refuses that name at connect time when private addresses are blocked', async () => {
    const result = await attempt(`http://internal.test:${port}/`, true);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('blocked-by-policy');
    expect(!result.ok && result.error.message).toContain('loopback');
  });

  it('refuses an IP literal, which never goes through DNS', async () => {
    const result = await attempt(`http://127.0.0.1:${port}/`, true);
    expect(!result.ok && result.error.code).toBe('blocked-by-policy');
  });

  it('resolves and judges every redirect hop through the guard', async () => {
    resolved.length = 0;
    expect(await attempt(`http://internal.test:${port}/hop`, false)).toEqual({
      ok: true,
      text: 'reached',
    });
    expect(resolved).toEqual(['internal.test', 'rebind.test']);
  });

  it('dials with the fetch of Node itself when the policy refuses nothing, and still reaches loopback', async () => {
    const dialer = createDialer({ blockPrivate: false, resolve: systemResolver }, 2_000);
    try {
      const response = await dialer.fetch(`http://127.0.0.1:${port}/hop`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`http://rebind.test:${port}/`);
      // Node's fetch answers with the global Response class; undici's has its own.
      expect(response).toBeInstanceOf(Response);
    } finally {
      await dialer.close();
    }
  });

  it('dials through the guard once the policy refuses something, even with the system resolver', async () => {
    const dialer = createDialer({ blockPrivate: true, resolve: systemResolver }, 2_000);
    try {
      const error = await dialer.fetch(`http://127.0.0.1:${port}/`).then(
        () => null,
        (reason: unknown) => toProbeError(reason, 'GET'),
      );
      expect(error?.code).toBe('blocked-by-policy');
    } finally {
      await dialer.close();
    }
  });
});
