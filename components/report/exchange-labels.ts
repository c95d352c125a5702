import type { Exchange } from '@/lib/report/schema';

/** Short names of exchanges ("#3 POST 404"), so evidence links say what they point at. */
export type ExchangeLabels = ReadonlyMap<string, string>;

/** The exchanges in the order they started, as the raw log lists them. */
export const inOrder = (exchanges: readonly Exchange[]): Exchange[] =>
  [...exchanges].sort((a, b) => a.startedAt - b.startedAt);

export function exchangeLabels(exchanges: readonly Exchange[]): ExchangeLabels {
  return new Map(
    inOrder(exchanges).map((exchange, index) => [
      exchange.id,
      `#${index + 1} ${exchange.request.method} ${exchange.response ? exchange.response.status : 'failed'}`,
    ]),
  );
}
