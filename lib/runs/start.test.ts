import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTarget } from '@/lib/probe/target';
import { parseCiOptions } from '@/lib/diagnose/options';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { quotingServer } from '@/test/fixtures/quoting-server';
import { targetFor } from '@/test/fixtures/target';
import { MemoryRunRegistry } from './registry';
import { RunIdSchema, type Run } from './schema';
import { newRunId, startRun } from './start';

/** The real registry, noting the state of a run after each update so progress is observable. */
class ObservedRegistry extends MemoryRunRegistry {
  readonly seen: Pick<Run, 'state' | 'steps'>[] = [];
  override update(...args: Parameters<MemoryRunRegistry['update']>) {
    const run = super.update(...args);
    if (run) this.seen.push({ state: run.state, steps: run.steps });
    return run;
  }
}

let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer(
    getRequestListener((request) => handleMcpRequest(request, healthyServer)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function target(url: string, token?: string) {
  const parsed = parseTarget({ url, ...(token ? { token } : {}), timeoutMs: 10_000 });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.target;
}

describe('startRun', () => {
  it('returns a running run at once, reports each step as it finishes, then the report', async () => {
    const registry = new ObservedRegistry();
    const { run, done } = startRun(registry, target(`${origin}/mcp`));
    expect(RunIdSchema.safeParse(run.id).success).toBe(true);
    expect(registry.get(run.id)).toMatchObject({ state: 'running', steps: [] });

    await done;
    const finished = registry.get(run.id);
    expect(finished?.state).toBe('done');
    expect(finished?.report?.rows.find((r) => r.id === 'tools')?.status).toBe('pass');
    expect(finished?.report?.tools).toHaveLength(3);
    expect(finished?.steps).toEqual(finished?.report?.steps);
    // Steps arrived one by one while the run was still running.
    const running = registry.seen.filter((s) => s.state === 'running').map((s) => s.steps.length);
    expect(running.length).toBeGreaterThan(1);
    expect(running).toEqual([...running].sort((a, b) => a - b));
  });

  it('never shows credentials from the URL or the token', async () => {
    const registry = new MemoryRunRegistry();
    const { run, done } = startRun(
      registry,
      target(
        `http://user:hunter22@127.0.0.1:${new URL(origin).port}/mcp#frag`,
        'sekret-token-value',
      ),
    );
    expect(run.url).not.toContain('hunter22');
    expect(run.url).not.toContain('#frag');
    await done;
    expect(JSON.stringify(registry.get(run.id))).not.toContain('sekret-token-value');
  });

  it('keeps no piece of a secret a server quotes in an error, wherever the one-line cut falls, at any moment of the run', async () => {
    const TOKEN = 'tok-Quote-0123456789abcdefXYZ';
    const SECRET = 'hdr-Quote-9876543210fedcbaQRS';
    // Each padding moves the quoted secrets a few characters along the 300-character message.
    for (let pad = 24; pad <= 48; pad += 2) {
      const server = await quotingServer({ header: 'X-Team-Secret', pad });
      try {
        const registry = new ObservedRegistry();
        const { run, done } = startRun(
          registry,
          targetFor(server.url, {
            token: TOKEN,
            headers: { 'X-Team-Secret': SECRET },
            timeoutMs: 10_000,
          }),
        );
        await done;
        const seen = JSON.stringify([registry.seen, registry.get(run.id)]);
        expect(seen).toContain('Error POSTing');
        for (const secret of [TOKEN, SECRET]) {
          for (let at = 0; at + 6 <= secret.length; at++) {
            expect(seen, `pad ${pad}: ${secret.slice(at, at + 6)}`).not.toContain(
              secret.slice(at, at + 6),
            );
          }
        }
      } finally {
        await server.close();
      }
    }
  });

  it('applies the CI options of POST /api/runs: expected tools and repeated latency samples', async () => {
    const options = parseCiOptions({ expectTools: 'search_recipes,missing_tool', repeat: '2' });
    if (!options.ok) throw new Error(options.message);
    const registry = new MemoryRunRegistry();
    const { run, done } = startRun(registry, target(`${origin}/mcp`), options.options);
    await done;
    const report = registry.get(run.id)?.report;
    expect(report?.checks.find((c) => c.id === 'tools.expected')).toMatchObject({
      status: 'fail',
      code: 'missing-tool',
    });
    expect(report?.rows.find((r) => r.id === 'tools')?.status).toBe('fail');
    expect(report?.latency?.repeat).toBe(2);
    expect(report?.latency?.methods.map((m) => [m.method, m.samples])).toEqual([
      ['initialize', 2],
      ['tools/list', 2],
    ]);
  });

  it('makes random, URL-safe ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRunId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(RunIdSchema.safeParse(id).success).toBe(true);
  });
});
