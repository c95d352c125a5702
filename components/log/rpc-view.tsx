import type { Exchange } from '@/lib/report/schema';
import { rpcPairs, type RpcPair } from '@/lib/log/rpc-pairs';

const PREVIEW_CHARS = 160;

/** A short one-line preview of remote JSON, shown as text. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

function Outcome({ pair }: { pair: RpcPair }) {
  switch (pair.outcome) {
    case 'result':
      return <span className="break-all text-slate-700">{preview(pair.result)}</span>;
    case 'error':
      return (
        <span className="break-all font-semibold text-red-700">
          error {String(pair.error?.code)}: {String(pair.error?.message)}
        </span>
      );
    case 'notification':
      return <span className="italic text-slate-500">notification (no answer expected)</span>;
    case 'missing':
      return <span className="font-semibold text-red-700">no answer recorded</span>;
  }
}

/** JSON-RPC requests paired with their answers by id, wherever the answer arrived. */
export function RpcView({ exchanges }: { exchanges: readonly Exchange[] }) {
  const pairs = rpcPairs(exchanges);
  if (pairs.length === 0) return null;
  const failed = pairs.filter((p) => p.outcome === 'error' || p.outcome === 'missing').length;
  return (
    <details className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
        JSON-RPC messages ({pairs.length}
        {failed > 0 ? `, ${failed} failed` : ''})
      </summary>
      <ol
        aria-label="JSON-RPC requests and answers"
        className="divide-y divide-slate-100 border-t border-slate-200"
      >
        {pairs.map((pair) => (
          <li
            key={pair.requestId}
            data-outcome={pair.outcome}
            className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-1.5 font-mono text-xs ${
              pair.outcome === 'error' || pair.outcome === 'missing' ? 'bg-red-50' : ''
            }`}
          >
            <a
              href={`#exchange-${pair.requestId}`}
              className="font-semibold text-sky-800 hover:underline"
            >
              {pair.method}
              {pair.rpcId !== undefined ? ` #${pair.rpcId}` : ''}
            </a>
            <span aria-hidden className="text-slate-500">
              →
            </span>
            <Outcome pair={pair} />
            {pair.responseExchangeId && pair.responseExchangeId !== pair.requestId ? (
              <a
                href={`#exchange-${pair.responseExchangeId}`}
                className="text-slate-500 hover:underline"
              >
                (answered on another exchange)
              </a>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
