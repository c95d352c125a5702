import net from 'node:net';
import { describe, expect, test, vi } from 'vitest';
import { start } from './support';
import { rpcServer } from './servers';

/**
 * The door of the routes that start diagnoses, called in-process as Next calls them. This file
 * runs in its own worker, so the process-wide admission is created here, from these limits.
 */
vi.stubEnv('MCP_DOCTOR_MAX_CONCURRENT', '1');
vi.stubEnv('MCP_DOCTOR_RATE_PER_MINUTE', '3');
vi.stubEnv('MCP_DOCTOR_RATE_BURST', '3');
const { GET, POST } = await import('@/app/api/check/route');
const { apiAdmission } = await import('@/lib/security/admission');

/** A loopback port with nothing listening: a diagnosis of it ends at once with connection-refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls, never sleeps: generous only so that a loaded machine still gets there. */
const settled = { timeout: 10_000 };

const check = (url: string, signal?: AbortSignal) =>
  GET(
    new Request(`http://localhost/api/check?url=${encodeURIComponent(url)}&timeoutMs=20000`, {
      signal,
    }),
  );

async function expectRefused(response: Response, code: 'busy' | 'rate-limited') {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
}

describe('/api/check under load', () => {
  test('busy while the one slot is taken, rate-limited past the burst, bad input never limited', async () => {
    const silent = await start(rpcServer(() => {}));
    const hangUp = new AbortController();
    const first = check(silent.url, hangUp.signal);
    await vi.waitFor(() => expect(apiAdmission().inFlight).toBe(1), settled);

    await expectRefused(await check(silent.url), 'busy');
    await expectRefused(
      await POST(
        new Request('http://localhost/api/check', {
          method: 'POST',
          body: JSON.stringify({ url: silent.url }),
        }),
      ),
      'busy',
    );
    // Input is judged before the door: a bad request is a 400 even when the dashboard is full.
    expect((await GET(new Request('http://localhost/api/check?url=ftp://x'))).status).toBe(400);

    // The client hangs up: its diagnosis stops and frees the slot.
    hangUp.abort();
    await first.catch(() => undefined);
    await vi.waitFor(() => expect(apiAdmission().inFlight).toBe(0), settled);

    const closed = `http://127.0.0.1:${await closedPort()}/mcp`;
    for (let i = 0; i < 2; i++) expect((await check(closed)).status).toBe(503);
    // Three tokens: the hung-up check and these two. The busy refusals took none.
    await expectRefused(await check(closed), 'rate-limited');
    expect((await GET(new Request('http://localhost/api/check?url=not%20a%20url'))).status).toBe(
      400,
    );
    expect(apiAdmission().inFlight).toBe(0);
  });
});
