import type { Exchange } from '@/lib/report/schema';
import { inOrder } from './exchange-labels';
import { ExchangeView } from './exchange-view';

/** Every exchange the probe made, in order; secrets were redacted when they were recorded. */
export function RawLog({ exchanges }: { exchanges: readonly Exchange[] }) {
  if (exchanges.length === 0) {
    return (
      <p className="text-sm text-slate-600">No HTTP request was made (an earlier step failed).</p>
    );
  }
  return (
    <ol className="space-y-2">
      {inOrder(exchanges).map((exchange, index) => (
        <li key={exchange.id}>
          <ExchangeView exchange={exchange} index={index} />
        </li>
      ))}
    </ol>
  );
}
