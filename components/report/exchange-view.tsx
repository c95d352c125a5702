import type { ReactNode } from 'react';
import type { Exchange } from '@/lib/report/schema';
import { formatMs } from '@/components/ui/format';
import { CopyCurlButton } from '@/components/log/copy-curl-button';
import { exchangeOutcome, type ExchangeOutcome } from '@/lib/log/expected';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';

/** Red only for a real failure: an expected refusal (405 on the GET stream, 401 before sign-in) is neutral. */
function statusClass(exchange: Exchange, outcome: ExchangeOutcome): string {
  if (outcome.kind === 'failed') return 'bg-red-100 text-red-800';
  if (outcome.kind === 'expected') return 'bg-slate-100 text-slate-700';
  if ((exchange.response?.status ?? 0) >= 300) return 'bg-amber-100 text-amber-900';
  return 'bg-emerald-100 text-emerald-800';
}

/**
 * One HTTP exchange: a summary (the JSON-RPC method or the HTTP method on the first line, the URL
 * on the next on a phone), then headers and bodies both ways. A real failure opens by default.
 */
export function ExchangeView({ exchange, index }: { exchange: Exchange; index: number }) {
  const { request, response, error } = exchange;
  const outcome = exchangeOutcome(exchange);
  const failed = outcome.kind === 'failed';
  return (
    <details
      id={`exchange-${exchange.id}`}
      data-testid={`exchange-${exchange.id}`}
      data-rpc={exchange.rpc?.method}
      data-era={exchange.era}
      data-outcome={outcome.kind}
      open={failed && Boolean(error)}
      className={`group rounded-lg border bg-white shadow-sm ${failed ? 'border-red-300' : 'border-slate-200'}`}
    >
      <summary className="flex cursor-pointer select-none flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
        <span className="w-8 shrink-0 font-mono text-xs text-slate-500">#{index + 1}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
          {exchange.step}
        </span>
        {exchange.rpc ? (
          <span className="rounded bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-800">
            {exchange.rpc.method}
          </span>
        ) : null}
        <span
          className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${statusClass(exchange, outcome)}`}
        >
          {response ? `${response.status}` : 'no response'}
        </span>
        <span className="font-mono text-xs text-slate-600">{formatMs(exchange.durationMs)}</span>
        <span className="min-w-0 basis-full break-all font-mono text-xs text-slate-700">
          <span className="font-semibold text-slate-900">{request.method}</span> {request.url}
        </span>
        {outcome.kind === 'expected' ? (
          <span className="basis-full text-xs text-slate-600">Expected: {outcome.why}.</span>
        ) : null}
      </summary>
      <div className="space-y-4 border-t border-slate-200 p-3">
        <CopyCurlButton exchange={exchange} />
        {error ? (
          <p
            role="note"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            <span className="font-mono text-xs font-semibold">{error.code}</span> {error.message}
          </p>
        ) : null}
        <div className="grid gap-4 xl:grid-cols-2">
          <Half title="Request">
            <HeadersTable headers={request.headers} label="Request headers" />
            <BodyView body={request.body} headers={request.headers} label="Request body" />
          </Half>
          <Half
            title={response ? `Response ${response.status} ${response.statusText}` : 'Response'}
          >
            {response ? (
              <>
                <HeadersTable headers={response.headers} label="Response headers" />
                <BodyView body={response.body} headers={response.headers} label="Response body" />
              </>
            ) : (
              <p className="text-xs italic text-slate-500">No response was received.</p>
            )}
          </Half>
        </div>
      </div>
    </details>
  );
}

function Half({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </div>
  );
}
