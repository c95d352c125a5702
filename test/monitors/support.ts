import { randomBytes } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { systemResolver } from '@/lib/probe/dialer';
import type { Clock } from '@/lib/monitors/clock';
import type { MonitorContext } from '@/lib/monitors/context';
import { parseMonitorCreate } from '@/lib/monitors/input';
import { createMonitor } from '@/lib/monitors/monitors';
import { LocalQueue } from '@/lib/monitors/queue/local-queue';
import { PgBossQueue } from '@/lib/monitors/queue/pg-boss-queue';
import { RETRY_POLICIES, type QueueKind, type RetryPolicy } from '@/lib/monitors/queue/queue';
import { KeyRing, parseSecretKey, type SecretKey } from '@/lib/monitors/secrets';
import { MonitorService } from '@/lib/monitors/service';
import { MonitorStore } from '@/lib/monitors/store';
import { MemoryRunRegistry } from '@/lib/runs/registry';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import type { StoreConfig } from '@/lib/store/config';
import { PersistentRunRegistry } from '@/lib/store/run-registry';
import { Store } from '@/lib/store/store';
import { serveWeb, type Running } from '../fixtures/servers';

/** Time that moves only when a test says so. */
export class FakeClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const MINUTE = 60_000;
export const T0 = Date.parse('2026-06-01T09:00:00.000Z');

/** A fresh MCP_DOCTOR_SECRET_KEY, as the environment would give it. */
export const testKey = (): SecretKey => {
  const parsed = parseSecretKey(randomBytes(32).toString('base64'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.key;
};

export const testKeys = (): KeyRing => KeyRing.from(testKey());

/** Retries at once (pg-boss's backoff needs a delay of at least a second), so tests need no wait. */
export const IMMEDIATE_RETRIES: Record<QueueKind, RetryPolicy> = {
  check: { ...RETRY_POLICIES.check },
  delivery: { retries: 2, delaySeconds: 0, backoff: false, expireSeconds: 60 },
};

export interface Instance {
  store: Store;
  ctx: MonitorContext;
  service: MonitorService;
  close: () => Promise<void>;
}

/**
 * One dashboard instance's monitors on a database, as lib/monitors/app-monitors.ts wires them,
 * with a fake clock, a loopback world and no loop: the test ticks and drains.
 */
export async function instance(
  database: StoreConfig['database'],
  clock: FakeClock,
  options: {
    keys?: KeyRing;
    policies?: Record<QueueKind, RetryPolicy>;
    slots?: number;
    /** MCP_DOCTOR_RETENTION_RUNS (default 1000). */
    retentionRuns?: number;
    registry?: (store: Store) => PersistentRunRegistry;
  } = {},
): Promise<Instance> {
  const store = await Store.open({
    database,
    retention: { runs: options.retentionRuns ?? 1000, days: 90 },
    leaseMs: 60_000,
  });
  const policies = options.policies ?? IMMEDIATE_RETRIES;
  const queue =
    database.kind === 'postgres'
      ? new PgBossQueue(database.url, policies)
      : new LocalQueue(clock, policies, () => 0.5);
  const ctx: MonitorContext = {
    store: new MonitorStore(store.db),
    runs:
      options.registry?.(store) ??
      new PersistentRunRegistry(async () => store, new MemoryRunRegistry()),
    queue,
    keys: options.keys ?? testKeys(),
    clock,
    policy: { blockPrivate: false, resolve: systemResolver },
    origin: 'http://doctor.test',
  };
  let free = options.slots ?? 4;
  const acquire = () => {
    if (free === 0) return null;
    free -= 1;
    let released = false;
    return () => {
      if (!released) free += 1;
      released = true;
    };
  };
  const service = new MonitorService(ctx, acquire, 90);
  await service.start({ loop: false });
  return {
    store,
    ctx,
    service,
    close: async () => {
      await service.stop();
      await store.close();
    },
  };
}

/** Creates a monitor through the API's own parser. */
export async function watch(ctx: MonitorContext, body: Record<string, unknown>) {
  const parsed = parseMonitorCreate(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return createMonitor(ctx, parsed.value);
}

/**
 * The healthy sample, with switches: `broken` answers every request with an HTML error page (a
 * failing connection), `extraTool` adds a tool (a change tools.drift sees), and `hold` keeps
 * requests waiting until it is released (a run in progress).
 */
export async function switchableServer(): Promise<
  Running & {
    mode: { broken: boolean; extraTool: boolean };
    hold: () => () => void;
    /** Resolves when the next request arrives. */
    nextRequest: () => Promise<void>;
  }
> {
  const mode = { broken: false, extraTool: false };
  let held: Promise<void> | null = null;
  const waiters: (() => void)[] = [];
  const running = await serveWeb(async (request) => {
    for (const wake of waiters.splice(0)) wake();
    if (held) await held;
    if (mode.broken) {
      return new Response('<h1>502 Bad Gateway</h1>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
    }
    return handleMcpRequest(request, () => {
      const server: McpServer = healthyServer();
      if (mode.extraTool) {
        server.registerTool(
          'list_menus',
          {
            description: 'Lists the weekly menus of the recipe catalogue, newest first.',
            annotations: { readOnlyHint: true },
          },
          async () => ({ content: [{ type: 'text', text: 'no menus' }] }),
        );
      }
      return server;
    });
  });
  return {
    ...running,
    mode,
    nextRequest: () => new Promise<void>((resolve) => waiters.push(resolve)),
    hold: () => {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
      return release;
    },
  };
}
