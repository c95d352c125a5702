import { TONES, type Tone } from './status';

export function StatusBadge({
  tone,
  label,
  size = 'md',
}: {
  tone: Tone;
  label?: string;
  size?: 'sm' | 'md';
}) {
  const { badge, symbol, label: defaultLabel } = TONES[tone];
  const padding = size === 'sm' ? 'px-1.5 py-0.5 text-xs' : 'px-2 py-1 text-xs';
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-md font-semibold ring-1 ring-inset ${badge} ${padding}`}
    >
      <span aria-hidden="true" className="font-mono">
        {symbol}
      </span>
      {label ?? defaultLabel}
    </span>
  );
}
