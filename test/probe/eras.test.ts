import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseCiOptions } from '@/lib/diagnose/options';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { findSample } from '@/lib/samples/catalog';
import { samplePath } from '@/lib/samples/types';
import { modernServer, type ModernFlaws } from '../fixtures/modern-servers';
import { healthyMcpServer, samplesServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { check, rowsIgnoringLoopback } from './support';

let samples: Running;
beforeAll(async () => {
  samples = await samplesServer();
});
afterAll(async () => {
  await samples.close();
});
const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
async function start(server: Promise<Running>): Promise<Running> {
  const started = await server;
  running.push(started);
  return started;
}

const sampleUrl = (slug: string) => {
  const sample = findSample(slug);
  if (!sample) throw new Error(`no sample ${slug}`);
  return samples.origin + samplePath(sample);
};

describe('a server that speaks only 2026-07-28 (the modern-only sample, SDK v2)', () => {
  test('is checked on every row through server/discover, and never called healthy', async () => {
    const report = await runHealthCheck(targetFor(sampleUrl('modern-only')));

    expect(report.server).toMatchObject({
      era: 'modern',
      versions: ['2026-07-28'],
      protocolVersion: '2026-07-28',
      name: 'sample-modern-only',
    });
    expect(rowsIgnoringLoopback(report)).toMatchObject({
      connection: 'fail',
      tools: 'pass',
      widgets: 'pass',
      auth: 'skipped',
    });
    expect(report.tools.map((t) => (t as { name: string }).name).sort()).toEqual([
      'get_forecast',
      'list_cities',
    ]);
    expect(check(report, 'connection.protocol-era')).toMatchObject({
      status: 'fail',
      code: 'modern-only',
    });
    expect(report.healthy).toBe(false);
    // The 2025 handshake's own checks do not apply to it.
    for (const id of ['connection.status', 'connection.initialize', 'connection.session']) {
      expect(check(report, id).skip?.cause).toBe('not-applicable');
    }
    // The SDK v2 server refuses what it must, and carries caching hints.
    for (const id of [
      'connection.discover',
      'connection.header-validation',
      'connection.version-refusal',
      'connection.unknown-method',
      'connection.cache-hints',
    ]) {
      expect(check(report, id).status, id).toBe('pass');
    }
    // The raw log shows the 2026-07-28 envelope: its era, the Mcp-Method header, the _meta.
    const listing = report.exchanges.find((x) => x.rpc?.method === 'tools/list');
    expect(listing?.era).toBe('modern');
    expect(listing?.request.headers).toContainEqual(['mcp-method', 'tools/list']);
    expect(listing?.request.body?.text).toContain('io.modelcontextprotocol/protocolVersion');
    // Widgets are read over the modern envelope too.
    const read = report.exchanges.find((x) => x.rpc?.method === 'resources/read');
    expect(read?.era).toBe('modern');
    expect(check(report, 'widgets.mime-type').status).toBe('pass');
  });
});

test('latency samples of a 2026-07-28-only server time server/discover, in that era', async () => {
  const parsed = parseCiOptions({ repeat: 2 });
  if (!parsed.ok) throw new Error(parsed.message);
  const report = await runHealthCheck(targetFor(sampleUrl('modern-only')), {
    options: parsed.options,
  });
  expect(report.latency?.methods.map((m) => [m.method, m.samples, m.failures])).toEqual([
    ['server/discover', 2, 0],
    ['tools/list', 2, 0],
  ]);
});

describe('a dual-era server (the dual-era sample, SDK v2)', () => {
  test('is checked on both legs, and the legs agree', async () => {
    const report = await runHealthCheck(targetFor(sampleUrl('dual-era')));

    expect(report.server.era).toBe('dual');
    expect(report.server.versions).toEqual(expect.arrayContaining(['2026-07-28', '2025-11-25']));
    expect(rowsIgnoringLoopback(report)).toMatchObject({
      connection: 'pass',
      tools: 'pass',
      widgets: 'pass',
    });
    expect(check(report, 'connection.protocol-era').status).toBe('pass');
    expect(check(report, 'connection.era-parity')).toMatchObject({
      status: 'pass',
      message: 'Both eras serve the same 2 tools and capabilities',
    });
    const eras = new Set(report.exchanges.flatMap((x) => (x.era ? [x.era] : [])));
    expect(eras).toEqual(new Set(['modern', 'legacy']));
    // The rest of the run used the 2025 session: most clients speak it.
    expect(report.mcp?.sessionEra).toBe('legacy');
  });
});

test('a server of the 2025 handshake only is seen as such, and no 2026-07-28 check applies', async () => {
  const server = await start(healthyMcpServer());
  const report = await runHealthCheck(targetFor(server.url));
  expect(report.server.era).toBe('legacy');
  expect(check(report, 'connection.protocol-era').status).toBe('pass');
  for (const id of ['connection.discover', 'connection.cache-hints', 'connection.era-parity']) {
    expect(check(report, id).skip?.cause, id).toBe('not-applicable');
  }
  const discover = report.exchanges.find((x) => x.rpc?.method === 'server/discover');
  expect(discover).toMatchObject({ era: 'modern' });
  expect(report.healthy).toBe(true);
});

describe.each<[string, ModernFlaws, string, string]>([
  [
    'a proxy that makes Mcp-Method match the body',
    { acceptsMismatch: true },
    'connection.header-validation',
    'accepted',
  ],
  [
    '-32022 without data.supported',
    { noSupportedList: true },
    'connection.version-refusal',
    'no-supported-list',
  ],
  [
    'unknown methods answered 200',
    { unknownMethodOk: true },
    'connection.unknown-method',
    'wrong-answer',
  ],
  [
    'a negative ttlMs and an unknown cacheScope',
    { badCacheHints: true },
    'connection.cache-hints',
    'invalid-hints',
  ],
  [
    'server/discover without serverInfo',
    { noServerInfo: true },
    'connection.discover',
    'no-server-info',
  ],
])('a 2026-07-28 server with %s', (_, flaws, id, code) => {
  test(`fails ${id} with ${code}, the exchange as evidence`, async () => {
    const server = await start(modernServer(flaws));
    const report = await runHealthCheck(targetFor(server.url));
    const result = check(report, id);
    expect(result).toMatchObject({ status: 'fail', code });
    expect(result.evidence.length).toBeGreaterThan(0);
    for (const evidence of result.evidence) {
      expect(report.exchanges.find((x) => x.id === evidence)?.era).toBe('modern');
    }
  });
});
