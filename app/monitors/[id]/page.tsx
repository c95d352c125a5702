import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { formatWhen } from '@/components/history/when';
import { BadgeEmbed } from '@/components/monitors/badge-embed';
import { CheckTable } from '@/components/monitors/check-table';
import { DeliveryLog } from '@/components/monitors/delivery-log';
import { EventList } from '@/components/monitors/event-list';
import { percent } from '@/components/monitors/format';
import { LatencyChart } from '@/components/monitors/latency-chart';
import { MonitorActions } from '@/components/monitors/monitor-actions';
import { MonitorLive } from '@/components/monitors/monitor-live';
import { MonitorState } from '@/components/monitors/monitor-state';
import { UptimeChart } from '@/components/monitors/uptime-chart';
import { Section } from '@/components/ui/section';
import { getMonitors } from '@/lib/monitors/app-monitors';
import { monitorView } from '@/lib/monitors/monitors';
import { MonitorIdSchema } from '@/lib/monitors/schema';
import { WINDOWS, bucketize, uptimes } from '@/lib/monitors/stats';
import { appOrigin } from '@/lib/samples/origin';

const findMonitor = cache(async (id: string) => {
  if (!MonitorIdSchema.safeParse(id).success) return null;
  const { ctx } = await getMonitors();
  const row = await ctx.store.get(id);
  return row ? { ctx, monitor: monitorView(row) } : null;
});

export async function generateMetadata({ params }: PageProps<'/monitors/[id]'>): Promise<Metadata> {
  const found = await findMonitor((await params).id);
  return { title: found ? `${found.monitor.name} · Monitor` : 'Monitor not found' };
}

const card = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

/** `/monitors/<id>`: a watched endpoint — its state, uptime, latency, incidents, tools, alerts. */
export default async function MonitorPage({ params, searchParams }: PageProps<'/monitors/[id]'>) {
  await connection();
  const found = await findMonitor((await params).id);
  if (!found) notFound();
  const { ctx, monitor } = found;
  const chosen = (await searchParams).window;
  const window = WINDOWS.find((w) => w.id === chosen) ?? WINDOWS[0];
  const now = ctx.clock.now();
  const [checks, events, deliveries] = await Promise.all([
    ctx.store.checks(monitor.id, new Date(now - 31 * 86_400_000).toISOString()),
    ctx.store.events(monitor.id, 100),
    ctx.store.deliveries(monitor.id, 30),
  ]);
  const buckets = bucketize(checks, now, window.id);
  const up = uptimes(checks, now);
  const hourly = window.id === '24h';
  const incidents = events.filter((e) => e.kind === 'failing' || e.kind === 'recovered');
  const toolChanges = events.filter((e) => e.kind === 'tools-changed');
  const certificate = events.filter((e) => e.kind === 'certificate-expiring');
  const lastTools = [...checks].reverse().find((c) => c.toolCount !== null)?.toolCount ?? null;

  return (
    <div className="space-y-8">
      <MonitorLive initial={monitor} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-3xl space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-all text-2xl font-semibold tracking-tight text-slate-900">
              {monitor.name}
            </h1>
            <span data-testid="monitor-state">
              <MonitorState monitor={monitor} />
            </span>
          </div>
          <p className="break-all font-mono text-sm text-slate-700">{monitor.url}</p>
          <p className="text-sm text-slate-600">
            Every {monitor.everyMinutes} min
            {monitor.stateSince
              ? ` · ${monitor.state} since ${formatWhen(monitor.stateSince)}`
              : ''}
            {monitor.paused ? ' · paused' : ` · next check ${formatWhen(monitor.nextCheckAt)}`}
            {monitor.lastRunId ? (
              <>
                {' · '}
                <Link href={`/runs/${monitor.lastRunId}`} className="text-sky-700 underline">
                  latest run
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <MonitorActions id={monitor.id} paused={monitor.paused} />
      </div>

      <Section id="uptime" title="Uptime">
        <dl className="grid grid-cols-3 gap-3">
          {WINDOWS.map((w) => (
            <div key={w.id} className={card}>
              <dt className="text-xs font-medium text-slate-600">Last {w.label}</dt>
              <dd className="text-xl font-semibold text-slate-900" data-testid={`uptime-${w.id}`}>
                {percent(up[w.id].ratio)}
              </dd>
              <dd className="text-xs text-slate-600">
                {up[w.id].healthy + up[w.id].failing} checks, {up[w.id].failing} failing
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section
        id="charts"
        title="Over time"
        aside={
          <nav aria-label="Window" className="flex gap-3">
            {WINDOWS.map((w) => (
              <Link
                key={w.id}
                href={`/monitors/${monitor.id}?window=${w.id}`}
                aria-current={w.id === window.id ? 'page' : undefined}
                className={
                  w.id === window.id
                    ? 'font-semibold text-slate-900'
                    : 'text-sky-700 hover:underline'
                }
              >
                {w.label}
              </Link>
            ))}
          </nav>
        }
      >
        <div className="space-y-6">
          <div className={card}>
            <UptimeChart buckets={buckets} windowLabel={window.label} hourly={hourly} />
          </div>
          <div className={card}>
            <LatencyChart buckets={buckets} windowLabel={window.label} hourly={hourly} />
          </div>
        </div>
      </Section>

      <Section id="incidents" title="Incidents">
        <EventList
          events={incidents}
          empty="No incident: every change of state is listed here with its run."
        />
      </Section>

      <Section
        id="tools"
        title="Tool schema timeline"
        aside={lastTools === null ? null : `${lastTools} tools now`}
      >
        <EventList
          events={toolChanges}
          empty="The tool list has not changed since the monitor started (each check compares it with the endpoint’s previous run)."
        />
      </Section>

      {certificate.length ? (
        <Section id="certificate" title="Certificate">
          <EventList events={certificate} empty="" />
        </Section>
      ) : null}

      <Section id="checks" title="Latest checks">
        <CheckTable checks={[...checks].reverse().slice(0, 20)} />
      </Section>

      <Section id="alerts" title="Alerts">
        <DeliveryLog
          deliveries={deliveries}
          events={events}
          webhooks={monitor.credentials.webhooks}
        />
      </Section>

      <Section id="badge" title="Badge">
        <BadgeEmbed monitor={monitor} origin={appOrigin()} />
      </Section>
    </div>
  );
}
