import { formatWhen } from '@/components/history/when';
import type { Delivery, Monitor, MonitorEvent } from '@/lib/monitors/schema';

/** Each alert sent to each webhook, with every try: when, what it answered, how long. */
export function DeliveryLog({
  deliveries,
  events,
  webhooks,
}: {
  deliveries: Delivery[];
  events: MonitorEvent[];
  webhooks: Monitor['credentials']['webhooks'];
}) {
  if (webhooks.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No webhook: changes are listed here and nowhere else.
      </p>
    );
  }
  const kindOf = new Map(events.map((e) => [e.id, e.kind]));
  const hookOf = new Map(webhooks.map((w) => [w.id, `${w.target} (${w.format})`]));
  return (
    <div className="space-y-3">
      <ul className="list-inside list-disc text-sm text-slate-800">
        {webhooks.map((w) => (
          <li key={w.id}>
            <span className="font-mono">{w.target}/…</span> in{' '}
            {w.format === 'slack' ? 'Slack’s' : 'JSON'} format
          </li>
        ))}
      </ul>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing sent yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {deliveries.map((d) => (
            <li key={d.id} className="space-y-1 p-3" data-testid="delivery">
              <p className="text-slate-900">
                <span className="font-semibold">{d.state}</span> ·{' '}
                {kindOf.get(d.eventId) ?? 'alert'} to{' '}
                <span className="font-mono">{hookOf.get(d.webhookId) ?? 'a removed webhook'}</span>
              </p>
              <ol className="text-xs text-slate-600">
                {d.attempts.map((a, i) => (
                  <li key={i}>
                    Try {i + 1}, {formatWhen(a.at)}: {a.error ?? `answered ${a.status}`} ({a.ms} ms)
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
