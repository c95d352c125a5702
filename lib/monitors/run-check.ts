import { parseTarget } from '@/lib/probe/target';
import { startRun } from '@/lib/runs/start';
import { newStoreId } from '@/lib/store/store';
import { changesOf } from './changes';
import type { MonitorContext } from './context';
import { optionsOf } from './input';
import { openSecrets } from './monitors';
import { observe, type Observation } from './observe';
import type { CheckJobData, QueuedJob } from './queue/queue';
import { MonitorCheckSettingsSchema, type MonitorCheck } from './schema';
import type { MonitorRow } from './store';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One scheduled check: the monitor's endpoint diagnosed by `runHealthCheck`, through `startRun`
 * and the app's run registry, so the run is saved, leased and redacted exactly as one started by
 * `POST /api/runs` (a permalink, the raw log, drift against the endpoint's last run). Then the
 * check is recorded for the charts and what changed becomes events and webhook deliveries. A
 * store failure throws: the queue tries the job again.
 */
export async function runScheduledCheck(
  ctx: MonitorContext,
  job: QueuedJob<CheckJobData>,
): Promise<void> {
  const { monitorId, dueAt } = job.data;
  const row = await ctx.store.get(monitorId);
  // Deleted since, or a retried job whose tick is recorded or was overtaken by a later one.
  if (!row || (row.last_check_at !== null && row.last_check_at >= dueAt)) return;
  if (await ctx.store.hasCheck(monitorId, dueAt)) return;

  const target = targetOf(ctx, row);
  if (!target.ok) {
    await record(
      ctx,
      row,
      dueAt,
      null,
      observe({ state: 'failed', report: undefined }),
      target.message,
    );
    return;
  }
  const settings = MonitorCheckSettingsSchema.parse(JSON.parse(row.settings));
  const started = startRun(ctx.runs, target.target, optionsOf(settings));
  await started.saved;
  await started.done;
  const run = ctx.runs.get(started.run.id) ?? (await ctx.runs.load(started.run.id));
  const seen = run ? observe(run) : observe({ state: 'failed', report: undefined });
  const error =
    seen.outcome === 'error' ? (run?.error?.message ?? 'the run ended without a report') : null;
  await record(ctx, row, dueAt, started.run.id, seen, error);
}

function targetOf(ctx: MonitorContext, row: MonitorRow) {
  try {
    const secrets = openSecrets(ctx, row);
    const settings = MonitorCheckSettingsSchema.parse(JSON.parse(row.settings));
    return parseTarget({
      url: secrets.url ?? row.url,
      ...(secrets.token ? { token: secrets.token } : {}),
      headers: secrets.headers,
      timeoutMs: settings.timeoutMs,
    });
  } catch (error) {
    return { ok: false as const, message: (error as Error).message };
  }
}

async function record(
  ctx: MonitorContext,
  row: MonitorRow,
  dueAt: string,
  runId: string | null,
  seen: Observation,
  error: string | null,
): Promise<void> {
  const now = iso(ctx.clock.now());
  const check: MonitorCheck = {
    id: newStoreId(),
    monitorId: row.id,
    dueAt,
    runId,
    outcome: seen.outcome,
    status: seen.status,
    latencyMs: seen.latencyMs,
    toolCount: seen.toolCount,
    certExpiring: seen.certExpiring,
    error,
    createdAt: now,
  };
  const previous = await ctx.store.previousCheck(row.id, dueAt);
  if (!(await ctx.store.recordCheck(check))) return;
  const state = row.state === 'healthy' || row.state === 'failing' ? row.state : 'unknown';
  const next = changesOf(row.name, state, previous, seen);
  await ctx.store.setState(row.id, {
    state: next.state,
    stateSince: next.state === row.state ? row.state_since : now,
    lastCheckAt: dueAt,
    lastRunId: runId ?? row.last_run_id,
  });
  const webhooks = next.changes.length ? openWebhooks(ctx, row) : [];
  for (const change of next.changes) {
    const event = {
      id: newStoreId(),
      monitorId: row.id,
      kind: change.kind,
      at: now,
      runId,
      summary: change.summary,
      detail: seen.detail,
    };
    await ctx.store.addEvent(event);
    for (const webhook of webhooks) {
      const delivery = {
        id: newStoreId(),
        monitorId: row.id,
        eventId: event.id,
        webhookId: webhook.id,
        state: 'pending' as const,
        attempts: [],
        createdAt: now,
        updatedAt: now,
      };
      await ctx.store.addDelivery(delivery);
      await ctx.queue.sendDelivery({ deliveryId: delivery.id });
    }
  }
}

/** The monitor's webhooks; none when its sealed values do not open (the check says so already). */
function openWebhooks(ctx: MonitorContext, row: MonitorRow) {
  try {
    return openSecrets(ctx, row).webhooks;
  } catch {
    return [];
  }
}
