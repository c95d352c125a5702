import type { ExchangeLabels } from './exchange-labels';

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
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {compact ? null : <span className="text-slate-500">Evidence:</span>}
      {ids.map((id) => (
        <a
          key={id}
          href={`#exchange-${id}`}
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-slate-200"
        >
          {labels?.get(id) ?? id}
        </a>
      ))}
    </span>
  );
}
