import { afterEach, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { LIMITS } from '@/lib/probe/limits';
import { probe } from '@/lib/probe/probe';
import type { Transcript } from '@/lib/report/schema';
import { STEP_IDS } from '@/lib/report/areas';
import { MAX_JSON_DEPTH } from '@/lib/probe/scrub';
import {
  closesMidStreamServer,
  deeplyNestedToolServer,
  hugeBodyServer,
  redirectLoopServer,
  selfSignedTlsServer,
  silentServer,
  tricklingServer,
  type Running,
} from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { check, exchangesOf, judge, step } from './support';

/**
 * Servers that misbehave on purpose. Each test asserts that the probe returns (never throws), within
 * its budget, with a stable error code on the step and on the exchange. Only the tests about time
 * shorten the request timeout; the others keep the real bounds, so a loaded machine that reads
 * 4 MiB slowly still meets the byte bound first. Outer bounds are generous, never tight timings.
 */
const running: Running[] = [];
async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const RUN_BUDGET_MS = 20_000;
const REQUEST_TIMEOUT_MS = 1_500;
const quick = { limits: { requestTimeoutMs: REQUEST_TIMEOUT_MS } };

function expectFinished(t: Transcript) {
  // Every step of the areas table has an outcome, and the run ended inside its budget (plus the time closing takes).
  expect(t.steps.map((s) => s.id).sort()).toEqual([...STEP_IDS].sort());
  expect(t.durationMs).toBeLessThan(RUN_BUDGET_MS + 5_000);
  expect(step(t, 'tools').status).toBe('skipped');
  // The Connection row says so, whichever check names the cause.
  expect(judge(t).rows.find((r) => r.id === 'connection')?.status).toBe('fail');
}

describe('a server that never answers', () => {
  test('initialize times out; no guessing, since nothing answered', async () => {
    const server = await start(silentServer());
    const t = await probe(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }), quick);

    expectFinished(t);
    expect(step(t, 'initialize').error?.code).toBe('timeout');
    expect(t.mcp?.attempts.filter((a) => a.era === 'legacy')).toEqual([
      expect.objectContaining({
        ok: false,
        status: null,
        error: expect.objectContaining({ code: 'timeout' }),
      }),
    ]);
    const [init] = exchangesOf(t, 'initialize');
    expect(init).toMatchObject({ response: null, error: { code: 'timeout' } });
  });
});

describe('a server that answers one byte at a time', () => {
  test('the request deadline covers the body too', async () => {
    const server = await start(tricklingServer(100));
    const t = await probe(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }), quick);

    expectFinished(t);
    expect(step(t, 'initialize').error?.code).toBe('timeout');
    const [init] = exchangesOf(t, 'initialize');
    expect(init?.response?.status).toBe(200);
    expect(init?.error?.code).toBe('timeout');
    // Some bytes arrived, far from all of them.
    expect(init?.response?.body?.bytes).toBeGreaterThan(0);
    expect(init?.response?.body?.bytes).toBeLessThan(150);
    // A slow answer says nothing about the path: the usual paths are not tried.
    expect(t.mcp?.attempts.filter((a) => a.guessed)).toEqual([]);
  });
});

describe('a 50 MB answer', () => {
  test.each(['json', 'sse'] as const)(
    'as %s: reading stops at the byte bound with body-too-large',
    async (format) => {
      const bytes = 50 * 1024 * 1024;
      const server = await start(hugeBodyServer({ bytes, format }));
      const t = await probe(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }));

      expectFinished(t);
      expect(step(t, 'initialize').error?.code).toBe('body-too-large');
      expect(t.mcp?.attempts.filter((a) => !a.guessed && a.era === 'legacy')).toEqual([
        expect.objectContaining({
          status: 200,
          error: expect.objectContaining({ code: 'body-too-large' }),
        }),
      ]);
      const [init] = exchangesOf(t, 'initialize');
      expect(init?.error?.code).toBe('body-too-large');
      const body = init?.response?.body;
      expect(body?.truncated).toBe(true);
      expect(body?.bytes).toBeGreaterThan(LIMITS.maxBodyBytes);
      expect(body?.bytes).toBeLessThan(LIMITS.maxBodyBytes + 1024 * 1024);
      expect(body?.text.length).toBeLessThanOrEqual(LIMITS.keptBodyBytes);
      // Memory stays bounded because the probe stopped reading: the server (which writes with
      // back-pressure) got no further than the bound plus the sockets' buffers on any request
      // (the later steps ask again, each reading to the same bound), and no guess asked again.
      expect(server.finished()).toBe(false);
      for (const sent of server.sentPerRequest()) {
        expect(sent).toBeLessThan(3 * LIMITS.maxBodyBytes);
      }
      expect(t.mcp?.attempts.filter((a) => a.guessed)).toEqual([]);
    },
  );
});

describe('a server that drops the connection halfway through its answer', () => {
  test.each(['json', 'sse'] as const)(
    'as %s: connection-reset on the step and the exchange',
    async (format) => {
      const server = await start(closesMidStreamServer(format));
      const t = await probe(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }));

      expectFinished(t);
      expect(step(t, 'initialize').error?.code).toBe('connection-reset');
      const [init] = exchangesOf(t, 'initialize');
      expect(init?.response?.status).toBe(200);
      expect(init?.error?.code).toBe('connection-reset');
      expect(init?.response?.body?.text).toMatch(/"protocolVersion"/);
    },
  );
});

describe('a redirect loop', () => {
  test('the SDK follows a bounded number of hops within the origin, each one recorded', async () => {
    const server = await start(redirectLoopServer());
    const t = await probe(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }));

    expectFinished(t);
    const [first] = t.mcp?.attempts.filter((a) => a.era === 'legacy') ?? [];
    expect(first).toMatchObject({
      guessed: false,
      ok: false,
      status: 307,
      error: { code: 'http-status' },
    });
    expect(first?.error?.message).toMatch(/Redirect to .* not followed/);
    const hops = t.exchanges.filter((x) => first?.exchangeIds.includes(x.id));
    expect(hops.length).toBeGreaterThan(1);
    expect(hops.length).toBeLessThanOrEqual(6);
    expect(hops.every((x) => x.response?.status === 307 && x.request.method === 'POST')).toBe(true);
    expect(check(judge(t), 'connection.redirect')).toMatchObject({
      status: 'fail',
      severity: 'error',
    });
    // Bounded overall, guesses included.
    expect(t.exchanges.length).toBeLessThan(40);
  });
});

describe('TLS with a self-signed certificate', () => {
  test('the certificate is described, and the handshake fails with tls-failed', async () => {
    const server = await start(selfSignedTlsServer());
    const report = await runHealthCheck(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }));

    expectFinished(report);
    expect(report.tls?.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(report.tls?.chain[0]).toMatchObject({
      subject: `CN=${server.commonName}`,
      selfSigned: true,
    });
    expect(report.tls?.chain[0]?.subjectAltNames).toEqual([`DNS:${server.commonName}`]);
    expect(report.tls?.hostnameError).toMatch(/127\.0\.0\.1/);
    expect(step(report, 'tls')).toMatchObject({ status: 'failed', error: { code: 'tls-failed' } });
    expect(step(report, 'initialize').error?.code).toBe('tls-failed');
    expect(exchangesOf(report, 'initialize')[0]).toMatchObject({
      response: null,
      error: { code: 'tls-failed' },
    });
    expect(check(report, 'connection.tls')).toMatchObject({ status: 'fail', severity: 'error' });
    expect(report.rows.find((r) => r.id === 'connection')?.status).toBe('fail');
  });
});

describe('a tool nested 50,000 levels deep', () => {
  test('the tool is kept, cut at the depth bound, and the report still serializes', async () => {
    const server = await start(deeplyNestedToolServer(50_000));
    const report = await runHealthCheck(targetFor(server.url, { timeoutMs: RUN_BUDGET_MS }));

    expect(step(report, 'tools').status).toBe('ok');
    expect(report.tools).toHaveLength(1);
    const serialized = JSON.stringify(report);
    expect(serialized).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(serialized.length).toBeLessThan(2 * 1024 * 1024);
  });
});
