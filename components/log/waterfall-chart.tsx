import type { Exchange } from '@/lib/report/schema';
import { formatMs } from '@/components/ui/format';
import { shortPath, waterfall } from '@/lib/log/waterfall';

/** Opens the exchange the bar points at, so the jump lands on its headers and bodies. */
function openExchange(id: string) {
  const target = document.getElementById(`exchange-${id}`);
  if (target instanceof HTMLDetailsElement) target.open = true;
}

/** One bar per exchange on the run's time axis; a click jumps to the exchange. */
export function WaterfallChart({
  exchanges,
  spanMs,
}: {
  exchanges: readonly Exchange[];
  spanMs: number;
}) {
  const bars = waterfall(exchanges, spanMs);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <figcaption className="mb-2 flex justify-between text-xs text-slate-500">
        <span className="font-semibold uppercase tracking-wide">Timing</span>
        <span>0 – {formatMs(spanMs)}</span>
      </figcaption>
      <ol aria-label="Timing waterfall" className="space-y-1">
        {exchanges.map((exchange, index) => {
          const bar = bars[index]!;
          const status = exchange.response ? String(exchange.response.status) : 'error';
          // Named by what was asked (the JSON-RPC method), else by the HTTP request.
          const what =
            exchange.rpc?.method ?? `${exchange.request.method} ${shortPath(exchange.request.url)}`;
          const label = `${what} ${status} ${formatMs(exchange.durationMs)}`;
          return (
            <li key={exchange.id}>
              <a
                href={`#exchange-${exchange.id}`}
                onClick={() => openExchange(exchange.id)}
                title={label}
                data-testid={`bar-${exchange.id}`}
                className="group grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-3 rounded px-1 hover:bg-slate-50"
              >
                <span
                  className={`truncate font-mono text-xs ${bar.failed ? 'text-red-700' : 'text-slate-700'}`}
                >
                  {label}
                </span>
                <span className="relative block h-3 rounded bg-slate-100">
                  <span
                    className={`absolute inset-y-0 rounded ${bar.failed ? 'bg-red-500' : 'bg-sky-500'}`}
                    style={{ left: `${bar.offsetPct}%`, width: `${bar.widthPct}%` }}
                  />
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
