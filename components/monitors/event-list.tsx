import Link from 'next/link';
import { formatWhen } from '@/components/history/when';
import { StatusBadge } from '@/components/ui/status-badge';
import type { Tone } from '@/components/ui/status';
import { EVENT_KINDS, type EventKind, type MonitorEvent } from '@/lib/monitors/schema';

const TONE: Record<EventKind, Tone> = {
  failing: 'fail',
  recovered: 'pass',
  'tools-changed': 'info',
  'certificate-expiring': 'warn',
};

/** Events newest first, each with the run that showed it. */
export function EventList({ events, empty }: { events: MonitorEvent[]; empty: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 p-3 text-sm">
          <StatusBadge tone={TONE[event.kind]} label={EVENT_KINDS[event.kind].title} size="sm" />
          <div className="min-w-0 flex-1 space-y-1">
            <p className="break-words text-slate-900">{event.summary}</p>
            {event.detail.tools ? <ToolChanges tools={event.detail.tools} /> : null}
            <p className="text-xs text-slate-600">
              {formatWhen(event.at)}
              {event.runId ? (
                <>
                  {' · '}
                  <Link href={`/runs/${event.runId}`} className="text-sky-700 underline">
                    the run
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function ToolChanges({ tools }: { tools: NonNullable<MonitorEvent['detail']['tools']> }) {
  const parts = [
    ['Added', tools.added],
    ['Removed', tools.removed],
    ['Changed', tools.changed],
  ] as const;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {parts
        .filter(([, names]) => names.length)
        .map(([label, names]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-slate-700">{label}</dt>
            <dd className="break-all font-mono text-slate-800">{names.join(', ')}</dd>
          </div>
        ))}
    </dl>
  );
}
