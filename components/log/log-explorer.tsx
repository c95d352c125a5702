'use client';

import { useParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { Exchange } from '@/lib/report/schema';
import { ExchangeView } from '@/components/report/exchange-view';
import { filterExchanges, methodsOf, NO_FILTER, type LogFilter } from '@/lib/log/filter';
import { runSpan } from '@/lib/log/waterfall';
import { LogFilters } from './log-filters';
import { RpcView } from './rpc-view';
import { WaterfallChart } from './waterfall-chart';

const button =
  'rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50';

/** The raw log with filters, a timing waterfall, JSON-RPC pairs and downloads. */
export function LogExplorer({ exchanges }: { exchanges: readonly Exchange[] }) {
  // The run page's route gives the id; the log is the same wherever else it is shown.
  const params = useParams<{ id?: string }>();
  const runId = typeof params?.id === 'string' ? params.id : null;
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const methods = useMemo(() => methodsOf(exchanges), [exchanges]);
  const spanMs = useMemo(() => runSpan(exchanges), [exchanges]);
  const shown = useMemo(() => filterExchanges(exchanges, filter), [exchanges, filter]);
  return (
    <div data-testid="raw-log" className="space-y-3">
      {runId ? (
        <div className="flex flex-wrap gap-2">
          <a className={button} href={`/api/runs/${encodeURIComponent(runId)}/har`} download>
            Download HAR
          </a>
        </div>
      ) : null}
      <LogFilters
        filter={filter}
        methods={methods}
        shown={shown.length}
        total={exchanges.length}
        onChange={setFilter}
      />
      {shown.length > 0 ? <WaterfallChart exchanges={shown} spanMs={spanMs} /> : null}
      <RpcView exchanges={exchanges} />
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">No exchange matches these filters.</p>
      ) : (
        <ol className="space-y-2" aria-label="Exchanges">
          {shown.map((exchange) => (
            <li key={exchange.id}>
              <ExchangeView exchange={exchange} index={exchanges.indexOf(exchange)} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
