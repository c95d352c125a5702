import { afterEach, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { probe } from '@/lib/probe/probe';
import { findReply } from '@/lib/report/jsonrpc';
import type { Transcript } from '@/lib/report/schema';
import { findSample } from '@/lib/samples/catalog';
import { samplePath } from '@/lib/samples/types';
import {
  fixedResponseServer,
  healthyMcpServer,
  legacySseServer,
  samplesServer,
  statefulServer,
  type Running,
} from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { check, exchangesOf, header, json, judge, rowsIgnoringLoopback, step } from './support';

const running: Running[] = [];
async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/**
 * The 2025 handshake's attempts, without the 2026-07-28 `server/discover` the probe sends first
 * (lib/probe/steps/handshake.ts): what these servers, all of the 2025 era, are judged on.
 */
const legacyAttempts = (t: Transcript) => t.mcp?.attempts.filter((a) => a.era !== 'modern') ?? [];

describe('a healthy stateless server', () => {
  test('opens a session, lists three tools and records every exchange with its JSON bodies', async () => {
    const server = await start(healthyMcpServer());
    const t = await probe(targetFor(server.url));

    expect(t.steps.map((s) => [s.id, s.status])).toEqual(
      expect.arrayContaining([
        ['dns', 'ok'],
        ['tcp', 'ok'],
        ['tls', 'skipped'],
        ['initialize', 'ok'],
        ['tools', 'ok'],
      ]),
    );
    expect(t.mcp?.transport).toBe('streamable-http');
    expect(t.mcp?.sessionId).toBeNull();
    expect(t.mcp?.attempts[0]).toMatchObject({ era: 'modern', url: server.url, ok: false });
    expect(legacyAttempts(t)).toEqual([
      expect.objectContaining({ url: server.url, guessed: false, ok: true }),
    ]);
    expect(t.mcp?.transportErrors).toEqual([]);
    expect(t.mcp?.initializeResult).toMatchObject({
      serverInfo: { name: 'sample-healthy' },
      capabilities: { tools: {} },
    });

    const [init] = exchangesOf(t, 'initialize');
    expect(init?.request.method).toBe('POST');
    expect(json(init?.request.body ?? null)).toMatchObject({
      jsonrpc: '2.0',
      method: 'initialize',
      params: { clientInfo: { name: 'mcp-doctor' } },
    });
    expect(header(init?.request.headers ?? [], 'accept')).toBe(
      'application/json, text/event-stream',
    );
    expect(init?.response?.status).toBe(200);
    expect(header(init?.response?.headers ?? [], 'content-type')).toMatch(/^application\/json/);
    expect(json(init?.response?.body ?? null)).toMatchObject({
      id: init?.rpc?.id,
      result: { serverInfo: { name: 'sample-healthy' } },
    });
    expect(t.mcp?.initializeExchangeId).toBe(init?.id);

    const lists = exchangesOf(t, 'tools/list');
    expect(lists.length).toBeGreaterThanOrEqual(1);
    expect(t.listing?.pages).toEqual([
      expect.objectContaining({
        cursor: null,
        nextCursor: null,
        count: 3,
        error: null,
        exchangeId: lists[0]?.id,
      }),
    ]);
    expect(t.tools.map((tool) => (tool as { name: string }).name)).toEqual([
      'search_recipes',
      'get_recipe',
      'save_favorite',
    ]);
    expect(json(lists[0]?.response?.body ?? null)).toMatchObject({
      result: { tools: expect.any(Array) },
    });

    // Nothing failed on the wire: the SDK's cancelled bodies (202, 405) are not errors.
    expect(t.exchanges.filter((x) => x.error)).toEqual([]);
    expect(exchangesOf(t, 'notifications/initialized')[0]?.response?.status).toBe(202);
  });

  test('passes the Connection and Tools rows', async () => {
    const server = await start(healthyMcpServer());
    const report = await runHealthCheck(targetFor(server.url));

    expect(rowsIgnoringLoopback(report)).toMatchObject({ connection: 'pass', tools: 'pass' });
    expect(report.checks.filter((c) => c.area === 'tools' && c.status === 'fail')).toEqual([]);
    // On loopback the one Connection finding is that ChatGPT cannot reach it.
    expect(check(report, 'connection.public')).toMatchObject({
      status: 'fail',
      severity: 'warning',
    });
    expect(report.server).toMatchObject({ name: 'sample-healthy', transport: 'streamable-http' });
  });
});

describe('a stateful server', () => {
  test('keeps the issued session id on every request and ends the session with DELETE', async () => {
    const server = await start(statefulServer());
    const t = await probe(targetFor(server.url));

    expect(step(t, 'tools').status).toBe('ok');
    // The run's session is the first; the CORS step opens (and ends) one more of its own.
    const sessionId = server.issued[0];
    expect(t.mcp?.sessionId).toBe(sessionId);
    for (const x of exchangesOf(t, 'tools/list'))
      expect(header(x.request.headers, 'mcp-session-id')).toBe(sessionId);

    const deletes = t.exchanges.filter(
      (x) =>
        x.request.method === 'DELETE' && header(x.request.headers, 'mcp-session-id') === sessionId,
    );
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.response?.status).toBe(200);
    expect(server.terminated).toContain(sessionId);
    expect([...server.terminated].sort()).toEqual([...server.issued].sort());
    // Ending the session closes the GET stream; that is not a fault of the server.
    expect(t.mcp?.transportErrors).toEqual([]);
    expect(check(judge(t), 'connection.session').status).toBe('pass');
  });
});

describe('a server that speaks only the legacy HTTP+SSE transport', () => {
  test('falls back to SSE after the Streamable HTTP POST is refused, and lists tools over it', async () => {
    const server = await start(legacySseServer());
    const t = await probe(targetFor(server.url));

    expect(legacyAttempts(t).map((a) => [a.transport, a.guessed, a.ok, a.status])).toEqual([
      ['streamable-http', false, false, 405],
      ['sse', false, true, null],
    ]);
    expect(t.mcp?.transport).toBe('sse');
    expect(step(t, 'initialize').status).toBe('ok');
    expect(t.tools).toHaveLength(3);

    const stream = t.exchanges.find(
      (x) => x.request.method === 'GET' && x.request.url === server.url,
    );
    expect(header(stream?.response?.headers ?? [], 'content-type')).toMatch(/^text\/event-stream/);
    const endpoint = stream?.response?.body?.events?.find((e) => e.event === 'endpoint');
    expect(endpoint?.data).toMatch(/^\/messages\?sessionId=/);

    // Replies arrive on the stream, not on the POSTs: the report still finds them there.
    const [list] = exchangesOf(t, 'tools/list');
    expect(list?.response?.status).toBe(202);
    expect(list && findReply(t.exchanges, list)?.exchangeId).toBe(stream?.id);
    expect(t.mcp?.initializeResult).toMatchObject({ serverInfo: { name: 'sample-healthy' } });

    const report = judge(t);
    expect(report.server.transport).toBe('sse');
    expect(check(report, 'connection.transport')).toMatchObject({
      status: 'fail',
      severity: 'warning',
    });
    expect(rowsIgnoringLoopback(report)).toMatchObject({ connection: 'warn', tools: 'pass' });
  });
});

describe('a server that does not speak MCP at the given URL', () => {
  test('a wrong path: the guess next to it answers and is named', async () => {
    const server = await start(samplesServer());
    const sample = findSample('wrong-path');
    const healthy = findSample('healthy');
    if (!sample || !healthy) throw new Error('sample missing from the catalogue');
    const t = await probe(targetFor(server.origin + samplePath(sample)));

    const given = legacyAttempts(t).filter((a) => !a.guessed);
    expect(given.map((a) => [a.transport, a.status, a.error?.code])).toEqual([
      ['streamable-http', 404, 'http-status'],
      ['sse', 404, expect.any(String)],
    ]);
    const found = t.mcp?.attempts.find((a) => a.guessed && a.ok);
    expect(found).toMatchObject({
      url: server.origin + samplePath(healthy),
      transport: 'streamable-http',
      guessed: true,
      ok: true,
    });
    // The guess is evidence for the report, not the session: the run stops at the given URL.
    expect(t.mcp?.transport).toBeNull();
    expect(step(t, 'initialize')).toMatchObject({
      status: 'failed',
      error: { code: 'http-status' },
    });
    expect(step(t, 'tools').status).toBe('skipped');
    expect(found?.exchangeIds.length).toBeGreaterThan(0);
    const status = check(judge(t), 'connection.status');
    expect(status).toMatchObject({ status: 'fail', code: 'not-found' });
  });

  test('an HTML page with 200: the content type is the error, and nothing opens a session', async () => {
    const server = await start(
      fixedResponseServer(200, '<!doctype html><title>Acme</title><h1>Welcome</h1>'),
    );
    const t = await probe(targetFor(server.url));

    const [first] = legacyAttempts(t);
    expect(first).toMatchObject({
      guessed: false,
      ok: false,
      status: 200,
      error: { code: 'http-status' },
    });
    expect(first?.error?.message).toMatch(/content type: text\/html/);
    // 200 is no reason for the legacy fallback; the guesses all serve the same page.
    expect(legacyAttempts(t).filter((a) => !a.guessed)).toHaveLength(1);
    expect(t.mcp?.attempts.filter((a) => a.guessed).every((a) => !a.ok)).toBe(true);
    expect(
      header(exchangesOf(t, 'initialize')[0]?.response?.headers ?? [], 'content-type'),
    ).toMatch(/^text\/html/);
    expect(step(t, 'initialize').status).toBe('failed');
    expect(step(t, 'tools').status).toBe('skipped');
    expect(check(judge(t), 'connection.content-type')).toMatchObject({
      status: 'fail',
      severity: 'error',
    });
  });

  test('404: the spec’s fallback tries legacy SSE on the same URL, then the usual paths', async () => {
    const server = await start(fixedResponseServer(404, 'Not Found', 'text/plain'));
    const t = await probe(targetFor(server.url));

    expect(
      legacyAttempts(t)
        .slice(0, 2)
        .map((a) => [a.transport, a.guessed, a.status]),
    ).toEqual([
      ['streamable-http', false, 404],
      ['sse', false, 404],
    ]);
    expect(
      legacyAttempts(t)
        .slice(2)
        .map((a) => a.url),
    ).toEqual(expect.arrayContaining([`${server.origin}/mcp/mcp`, `${server.origin}/sse`]));
    expect(step(t, 'initialize').error?.code).toBe('http-status');
    expect(exchangesOf(t, 'initialize')[0]?.response?.body?.text).toBe('Not Found');
    expect(check(judge(t), 'connection.status')).toMatchObject({
      status: 'fail',
      code: 'not-found',
    });
  });

  test('500: no legacy fallback (only 400, 404 and 405 call for it)', async () => {
    const server = await start(fixedResponseServer(500, 'Internal Server Error', 'text/plain'));
    const t = await probe(targetFor(server.url));

    expect(
      legacyAttempts(t)
        .filter((a) => !a.guessed)
        .map((a) => [a.transport, a.status]),
    ).toEqual([['streamable-http', 500]]);
    expect(step(t, 'initialize').error).toMatchObject({ code: 'http-status' });
    expect(step(t, 'initialize').error?.message).toMatch(/HTTP 500/);
    expect(step(t, 'tools').status).toBe('skipped');
    expect(check(judge(t), 'connection.status')).toMatchObject({
      status: 'fail',
      code: 'server-error',
    });
  });
});
