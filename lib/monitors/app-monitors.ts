import { defaultDialPolicy } from '@/lib/probe/dialer';
import { runs } from '@/lib/runs/app-registry';
import { appOrigin } from '@/lib/samples/origin';
import { apiAdmission } from '@/lib/security/admission';
import { getStore } from '@/lib/store';
import { systemClock } from './clock';
import type { MonitorContext } from './context';
import { LocalQueue } from './queue/local-queue';
import { PgBossQueue } from './queue/pg-boss-queue';
import { KeyRing } from './secrets';
import { MonitorService } from './service';
import { MonitorStore } from './store';

// One service per server process, shared by every route bundle (as lib/store/index.ts does).
const KEY = Symbol.for('mcp-doctor.monitors');
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<MonitorService> };

/**
 * MCP_DOCTOR_MONITORS=off: this instance serves the monitors' pages and API but runs no checks
 * (another instance on the same PostgreSQL does). Anything else, or unset: it runs them.
 */
export const schedulerEnabled = (env: Record<string, string | undefined> = process.env) =>
  !/^(0|off|false|no)$/i.test(env.MCP_DOCTOR_MONITORS?.trim() ?? '');

async function open(): Promise<MonitorService> {
  const store = await getStore();
  const { database } = store.config;
  const ctx: MonitorContext = {
    store: new MonitorStore(store.db),
    runs,
    queue:
      database.kind === 'postgres' ? new PgBossQueue(database.url) : new LocalQueue(systemClock),
    keys: KeyRing.fromEnv(),
    clock: systemClock,
    policy: defaultDialPolicy(),
    origin: appOrigin(),
  };
  if (ctx.keys.problem) console.error(`monitors: ${ctx.keys.problem}`);
  const service = new MonitorService(
    ctx,
    () => apiAdmission().tryAcquireScheduled(),
    store.config.retention.days,
  );
  await service.start({ loop: schedulerEnabled() });
  return service;
}

/** The process's monitors, started on first use (the server's start: instrumentation.ts). */
export function getMonitors(): Promise<MonitorService> {
  holder[KEY] ??= open().catch((error: unknown) => {
    holder[KEY] = undefined;
    throw error;
  });
  return holder[KEY];
}

/** Starts the schedule as the server starts; a database that is down is retried on first use. */
export async function startMonitorsAtStart(): Promise<void> {
  try {
    await getMonitors();
  } catch (error) {
    console.error(
      `monitors: not started (${error instanceof Error ? error.message : String(error)}); the next request tries again`,
    );
  }
}
