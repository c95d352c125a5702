import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { formatWhen } from '@/components/history/when';
import { MonitorForm } from '@/components/monitors/monitor-form';
import { MonitorState } from '@/components/monitors/monitor-state';
import { percent } from '@/components/monitors/format';
import { Section } from '@/components/ui/section';
import { getMonitors } from '@/lib/monitors/app-monitors';
import { monitorView } from '@/lib/monitors/monitors';
import { uptime } from '@/lib/monitors/stats';

export const metadata: Metadata = { title: 'Monitors' };

const DAY = 86_400_000;

/** `/monitors`: every watched endpoint with its state and its last day, and a form for a new one. */
export default async function MonitorsPage() {
  await connection();
  const { ctx } = await getMonitors();
  const now = ctx.clock.now();
  const monitors = (await ctx.store.list()).map(monitorView);
  const day = await Promise.all(
    monitors.map(async (m) =>
      uptime(await ctx.store.checks(m.id, new Date(now - DAY).toISOString())),
    ),
  );
  return (
    <div className="space-y-8">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Monitors</h1>
        <p className="text-slate-600">
          Endpoints checked on a schedule, each check a full diagnosis you can open. Alerts go to
          your webhooks when something changes: failing, healthy again, tools changed, a certificate
          about to expire.
        </p>
      </div>
      <Section
        id="monitors"
        title={monitors.length ? `${monitors.length} watched` : 'Nothing watched yet'}
      >
        {monitors.length ? (
          <ul
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
            data-testid="monitor-list"
          >
            {monitors.map((m, i) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm">
                <MonitorState monitor={m} size="sm" />
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/monitors/${m.id}`}
                    className="font-medium text-sky-700 hover:underline"
                  >
                    {m.name}
                  </Link>
                  <p className="break-all font-mono text-xs text-slate-600">{m.url}</p>
                </div>
                <p className="text-xs text-slate-600">
                  {percent(day[i]?.ratio ?? null)} over 24 h · every {m.everyMinutes} min ·{' '}
                  {m.lastCheckAt ? `last ${formatWhen(m.lastCheckAt)}` : 'not checked yet'}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            Watch an endpoint from here, or with <strong>Watch this endpoint</strong> on any run’s
            page.
          </p>
        )}
      </Section>
      <Section id="new-monitor" title="Watch an endpoint">
        <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <MonitorForm />
        </div>
      </Section>
    </div>
  );
}
