import type { Exchange } from '@/lib/report/schema';
import { LogExplorer } from '@/components/log/log-explorer';
import { inOrder } from './exchange-labels';

/** Every exchange the probe made, in order; secrets were redacted when they were recorded. */
export function RawLog({ exchanges }: { exchanges: readonly Exchange[] }) {
  if (exchanges.length === 0) {
    return (
      <p className="text-sm text-slate-600">No HTTP request was made (an earlier step failed).</p>
    );
  }
  return <LogExplorer exchanges={inOrder(exchanges)} />;
}
