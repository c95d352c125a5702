import type { Transaction } from 'kysely';
import type { Database, Db, MonitorsTable } from '@/lib/store/database';
import {
  DeliverySchema,
  MonitorCheckSchema,
  MonitorEventSchema,
  type Delivery,
  type DeliveryAttempt,
  type MonitorCheck,
  type MonitorEvent,
  type MonitorState,
} from './schema';

export type MonitorRow = MonitorsTable;
export type MonitorTransaction = Transaction<Database>;

const iso = (ms: number) => new Date(ms).toISOString();

const toCheck = (row: Database['monitor_checks']): MonitorCheck =>
  MonitorCheckSchema.parse({
    id: row.id,
    monitorId: row.monitor_id,
    dueAt: row.due_at,
    runId: row.run_id,
    outcome: row.outcome,
    status: row.status,
    latencyMs: row.latency_ms,
    toolCount: row.tool_count,
    certExpiring: row.cert_expiring === 1,
    error: row.error,
    createdAt: row.created_at,
  });

const toEvent = (row: Database['monitor_events']): MonitorEvent =>
  MonitorEventSchema.parse({
    id: row.id,
    monitorId: row.monitor_id,
    kind: row.kind,
    at: row.at,
    runId: row.run_id,
    summary: row.summary,
    detail: JSON.parse(row.detail),
  });

const toDelivery = (row: Database['monitor_deliveries']): Delivery =>
  DeliverySchema.parse({
    id: row.id,
    monitorId: row.monitor_id,
    eventId: row.event_id,
    webhookId: row.webhook_id,
    state: row.state,
    attempts: JSON.parse(row.log),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

/**
 * The monitors' tables, on the store's database (SQLite or PostgreSQL, through Kysely). Plain
 * reads and writes; what they mean is decided in lib/monitors. Times are ISO 8601 UTC strings, so
 * they compare as text in both databases.
 */
export class MonitorStore {
  constructor(readonly db: Db) {}

  async insert(row: MonitorRow): Promise<void> {
    await this.db.insertInto('monitors').values(row).execute();
  }

  get(id: string): Promise<MonitorRow | undefined> {
    return this.db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(limit = 500): Promise<MonitorRow[]> {
    return this.db
      .selectFrom('monitors')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async update(id: string, fields: Partial<Omit<MonitorRow, 'id'>>): Promise<boolean> {
    const result = await this.db
      .updateTable('monitors')
      .set(fields)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Deletes the monitor and its history; the runs it made stay, as ordinary runs. */
  async delete(id: string): Promise<boolean> {
    await this.db.deleteFrom('monitor_deliveries').where('monitor_id', '=', id).execute();
    await this.db.deleteFrom('monitor_events').where('monitor_id', '=', id).execute();
    await this.db.deleteFrom('monitor_checks').where('monitor_id', '=', id).execute();
    const result = await this.db.deleteFrom('monitors').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Monitors whose next check is due, earliest first. */
  due(
    now: number,
    limit: number,
  ): Promise<Pick<MonitorRow, 'id' | 'next_due_at' | 'every_minutes'>[]> {
    return this.db
      .selectFrom('monitors')
      .select(['id', 'next_due_at', 'every_minutes'])
      .where('paused', '=', 0)
      .where('next_due_at', '<=', iso(now))
      .orderBy('next_due_at')
      .limit(limit)
      .execute();
  }

  /** When the earliest unpaused monitor is due, for the scheduler's timer. */
  async nextDue(): Promise<string | null> {
    const row = await this.db
      .selectFrom('monitors')
      .select('next_due_at')
      .where('paused', '=', 0)
      .orderBy('next_due_at')
      .limit(1)
      .executeTakeFirst();
    return row?.next_due_at ?? null;
  }

  /**
   * Claims one tick: moves `next_due_at` from `dueAt` to `next` only if no one else has (a
   * compare-and-set), and, in the same transaction, hands the check to the queue. Of several
   * instances that saw the same due monitor, exactly one claims it; one that dies before commit
   * claims nothing, and the tick stays due for the others.
   */
  claim(
    id: string,
    dueAt: string,
    next: string,
    enqueue: (trx: MonitorTransaction) => Promise<void>,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('monitors')
        .set({ next_due_at: next })
        .where('id', '=', id)
        .where('next_due_at', '=', dueAt)
        .where('paused', '=', 0)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await enqueue(trx);
      return true;
    });
  }

  /** Records a tick's check once: a second record of the same tick (a retried job) is dropped. */
  async recordCheck(check: MonitorCheck): Promise<boolean> {
    const result = await this.db
      .insertInto('monitor_checks')
      .values({
        id: check.id,
        monitor_id: check.monitorId,
        due_at: check.dueAt,
        run_id: check.runId,
        outcome: check.outcome,
        status: check.status,
        latency_ms: check.latencyMs === null ? null : Math.round(check.latencyMs),
        tool_count: check.toolCount,
        cert_expiring: check.certExpiring ? 1 : 0,
        error: check.error,
        created_at: check.createdAt,
      })
      .onConflict((oc) => oc.columns(['monitor_id', 'due_at']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async hasCheck(monitorId: string, dueAt: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('monitor_checks')
      .select('id')
      .where('monitor_id', '=', monitorId)
      .where('due_at', '=', dueAt)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The last check before a tick that MCP Doctor could make (its verdict is the endpoint's). */
  async previousCheck(monitorId: string, before: string): Promise<MonitorCheck | null> {
    const row = await this.db
      .selectFrom('monitor_checks')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .where('due_at', '<', before)
      .where('outcome', '!=', 'error')
      .orderBy('due_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toCheck(row) : null;
  }

  /** Checks since a time, oldest first: what uptime and latency are computed from. */
  async checks(monitorId: string, since: string, limit = 50_000): Promise<MonitorCheck[]> {
    const rows = await this.db
      .selectFrom('monitor_checks')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .where('due_at', '>=', since)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map(toCheck);
  }

  /**
   * The monitor's state after a check. Only a later tick than the last one recorded moves it: a
   * slow check of an earlier tick that ends after a later one's does not put the state back.
   */
  async setState(
    id: string,
    fields: {
      state: MonitorState;
      stateSince: string | null;
      lastCheckAt: string;
      lastRunId: string | null;
    },
  ): Promise<void> {
    await this.db
      .updateTable('monitors')
      .set({
        state: fields.state,
        state_since: fields.stateSince,
        last_check_at: fields.lastCheckAt,
        last_run_id: fields.lastRunId,
      })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb('last_check_at', 'is', null), eb('last_check_at', '<', fields.lastCheckAt)]),
      )
      .execute();
  }

  async addEvent(event: MonitorEvent): Promise<void> {
    await this.db
      .insertInto('monitor_events')
      .values({
        id: event.id,
        monitor_id: event.monitorId,
        kind: event.kind,
        at: event.at,
        run_id: event.runId,
        summary: event.summary,
        detail: JSON.stringify(event.detail),
      })
      .execute();
  }

  async getEvent(id: string): Promise<MonitorEvent | undefined> {
    const row = await this.db
      .selectFrom('monitor_events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toEvent(row) : undefined;
  }

  /** Events, newest first. */
  async events(monitorId: string, limit = 100, kinds?: readonly string[]): Promise<MonitorEvent[]> {
    let query = this.db
      .selectFrom('monitor_events')
      .selectAll()
      .where('monitor_id', '=', monitorId);
    if (kinds) query = query.where('kind', 'in', kinds);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toEvent);
  }

  async addDelivery(delivery: Delivery): Promise<void> {
    await this.db
      .insertInto('monitor_deliveries')
      .values({
        id: delivery.id,
        monitor_id: delivery.monitorId,
        event_id: delivery.eventId,
        webhook_id: delivery.webhookId,
        state: delivery.state,
        attempts: delivery.attempts.length,
        log: JSON.stringify(delivery.attempts),
        created_at: delivery.createdAt,
        updated_at: delivery.updatedAt,
      })
      .execute();
  }

  async getDelivery(id: string): Promise<Delivery | undefined> {
    const row = await this.db
      .selectFrom('monitor_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDelivery(row) : undefined;
  }

  async saveAttempt(
    delivery: Delivery,
    attempt: DeliveryAttempt,
    state: Delivery['state'],
  ): Promise<Delivery> {
    const attempts = [...delivery.attempts, attempt];
    await this.db
      .updateTable('monitor_deliveries')
      .set({
        state,
        attempts: attempts.length,
        log: JSON.stringify(attempts),
        updated_at: attempt.at,
      })
      .where('id', '=', delivery.id)
      .execute();
    return { ...delivery, state, attempts, updatedAt: attempt.at };
  }

  /** Deliveries, newest first. */
  async deliveries(monitorId: string, limit = 50): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('monitor_deliveries')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** Deliveries still pending, oldest first (after a restart, the in-process queue resumes them). */
  async pendingDeliveries(limit = 500): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('monitor_deliveries')
      .selectAll()
      .where('state', '=', 'pending')
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /**
   * Forgets history past its time: checks after `checkDays` (the charts' longest window and a
   * margin), events and deliveries after `eventDays`; and the runs of uneventful checks after
   * `runDays` (their check row stays for the charts; the runs of incidents stay as long as the
   * store keeps runs).
   */
  async prune(now: number, days: { checks: number; events: number; runs: number }): Promise<void> {
    const before = (d: number) => iso(now - d * 86_400_000);
    const eventRuns = this.db
      .selectFrom('monitor_events')
      .select('run_id')
      .where('run_id', 'is not', null);
    const quietRuns = this.db
      .selectFrom('monitor_checks')
      .select('run_id')
      .where('run_id', 'is not', null)
      .where('due_at', '<', before(days.runs))
      .where('run_id', 'not in', eventRuns);
    await this.db.deleteFrom('runs').where('id', 'in', quietRuns).execute();
    await this.db.deleteFrom('monitor_checks').where('due_at', '<', before(days.checks)).execute();
    await this.db.deleteFrom('monitor_events').where('at', '<', before(days.events)).execute();
    await this.db
      .deleteFrom('monitor_deliveries')
      .where('created_at', '<', before(days.events))
      .execute();
  }
}
