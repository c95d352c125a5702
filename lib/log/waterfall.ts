import type { Exchange } from '@/lib/report/schema';
import { exchangeOutcome } from './expected';

export interface WaterfallBar {
  id: string;
  /** Percent of the run from its start to where the bar begins, 0–100. */
  offsetPct: number;
  /** Percent of the run the bar covers; never below MIN_WIDTH_PCT so instant requests stay visible. */
  widthPct: number;
  failed: boolean;
}

export const MIN_WIDTH_PCT = 0.5;

/** The span the waterfall covers: from run start to the end of the last exchange (at least 1 ms). */
export function runSpan(exchanges: readonly Exchange[]): number {
  const end = Math.max(1, ...exchanges.map((x) => x.startedAt + (x.durationMs ?? 0)));
  return end;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** One bar per exchange, placed by `startedAt` and sized by `durationMs` against the run's span. */
export function waterfall(
  exchanges: readonly Exchange[],
  spanMs = runSpan(exchanges),
): WaterfallBar[] {
  const span = Math.max(1, spanMs);
  return exchanges.map((exchange) => {
    const offsetPct = clamp((Math.max(0, exchange.startedAt) / span) * 100, 0, 100 - MIN_WIDTH_PCT);
    const widthPct = clamp(
      ((exchange.durationMs ?? 0) / span) * 100,
      MIN_WIDTH_PCT,
      100 - offsetPct,
    );
    return {
      id: exchange.id,
      offsetPct,
      widthPct,
      // An expected refusal (the 405 of the optional GET stream, a 401 before sign-in) is not red.
      failed: exchangeOutcome(exchange).kind === 'failed',
    };
  });
}

/** The URL's path (and query) for a short label; the whole text when it is not a URL. */
export function shortPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
