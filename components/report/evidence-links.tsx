import type { ExchangeLabels } from './exchange-labels';

/** Links shown before the rest fold away, so the keyboard does not tab through a dozen of them. */
const SHOWN = 2;

/** Links into the raw log, where each exchange has `id="exchange-<id>"`. */
export function EvidenceLinks({
  ids,
  labels,
  compact = false,
}: {
  ids: readonly string[];
  /** Names such as "#3 POST 404"; the raw exchange id when absent. */
  labels?: ExchangeLabels;
  compact?: boolean;
}) {
  if (ids.length === 0) return null;
  const link = (id: string) => (
    <a
      key={id}
      href={`#exchange-${id}`}
      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-slate-200"
    >
      {labels?.get(id) ?? id}
    </a>
  );
  // One more than SHOWN is folded too: "+1 more" saves no tab stop.
  const folded = ids.length > SHOWN + 1 ? ids.slice(SHOWN) : [];
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {compact ? null : <span className="text-slate-600">Evidence:</span>}
      {(folded.length ? ids.slice(0, SHOWN) : ids).map(link)}
      {folded.length ? (
        <details className="inline-block">
          <summary className="cursor-pointer text-sky-800 hover:underline">
            +{folded.length} more exchanges
          </summary>
          <span className="mt-1 flex flex-wrap gap-1.5">{folded.map(link)}</span>
        </details>
      ) : null}
    </span>
  );
}
