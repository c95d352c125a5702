/** A bucket's start as its chart labels it: the hour for a day, the date for longer windows. */
export const bucketLabel = (iso: string, hourly: boolean): string =>
  hourly
    ? `${iso.slice(11, 16)} UTC`
    : iso.slice(5, 10) + (iso.slice(11, 13) === '00' ? '' : ` ${iso.slice(11, 13)}h`);

export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${(Math.floor(ratio * 10_000) / 100).toFixed(2)} %`;

export const ms = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value)} ms`;
