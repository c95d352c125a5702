import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { handleHtmlPage } from '@/lib/samples/html-page';
import { LatencySchema } from '@/lib/report/latency-schema';
import { serveWeb, type Running } from '@/test/fixtures/servers';
import { measureLatency } from './latency';
import { parseTarget, type Target } from './target';

function target(url: string): Target {
  const parsed = parseTarget({ url, timeoutMs: 20_000 });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.target;
}

describe('measureLatency', () => {
  let healthy: Running;
  let html: Running;
  let initializes = 0;
  beforeAll(async () => {
    // The healthy sample, counting the initialize requests it serves.
    healthy = await serveWeb(async (request) => {
      const body = request.method === 'POST' ? await request.clone().text() : '';
      if (body.includes('"method":"initialize"')) initializes += 1;
      return handleMcpRequest(request, healthyServer);
    });
    html = await serveWeb(handleHtmlPage);
  });
  afterAll(async () => {
    await healthy.close();
    await html.close();
  });

  it('times the handshake and tools/list once per sample, each in a new session', async () => {
    const before = initializes;
    const latency = await measureLatency(target(healthy.url), 4);
    expect(initializes - before).toBe(4);
    expect(LatencySchema.parse(latency)).toEqual(latency);
    expect(latency).toMatchObject({ repeat: 4, transport: 'streamable-http', errors: [] });
    expect(latency.methods.map((m) => [m.method, m.samples, m.failures])).toEqual([
      ['initialize', 4, 0],
      ['tools/list', 4, 0],
    ]);
    for (const m of latency.methods) {
      expect(m.p50Ms).not.toBeNull();
      expect(m.p50Ms ?? 0).toBeLessThanOrEqual(m.p95Ms ?? 0);
      expect(m.p95Ms ?? 0).toBeLessThanOrEqual(m.maxMs ?? 0);
    }
  });

  it('counts failed handshakes, keeps the error once, and has no statistics without a sample', async () => {
    const latency = await measureLatency(target(html.url), 3);
    expect(latency.methods).toEqual([
      { method: 'initialize', samples: 0, failures: 3, p50Ms: null, p95Ms: null, maxMs: null },
      { method: 'tools/list', samples: 0, failures: 0, p50Ms: null, p95Ms: null, maxMs: null },
    ]);
    expect(latency.errors).toHaveLength(1);
    expect(latency.errors[0]?.message).toContain(html.url);
  });
});
