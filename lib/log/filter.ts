import { AREA_TABLE, areaOf, type Area } from '@/lib/report/areas';
import type { Exchange, StepId } from '@/lib/report/schema';

/** The log's step groups are the rows of the table: each area's exchanges together. */
export const STEP_GROUPS = AREA_TABLE.map((area) => area.id);
export type StepGroup = Area;

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'error'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export interface LogFilter {
  step: StepGroup | 'all';
  method: string | 'all';
  status: StatusClass | 'all';
  text: string;
}

export const NO_FILTER: LogFilter = { step: 'all', method: 'all', status: 'all', text: '' };

/** 'error' when no HTTP answer arrived (or the probe recorded an error), else the status's class. */
export function statusClassOf(exchange: Exchange): StatusClass | null {
  if (exchange.error || !exchange.response) return 'error';
  const hundreds = Math.floor(exchange.response.status / 100);
  if (hundreds >= 2 && hundreds <= 5) return `${hundreds}xx` as StatusClass;
  return null;
}

/** The HTTP methods present, for the method picker. */
export const methodsOf = (exchanges: readonly Exchange[]): string[] =>
  [...new Set(exchanges.map((x) => x.request.method.toUpperCase()))].sort();

function haystack(exchange: Exchange): string {
  const { request, response, error } = exchange;
  const parts = [
    request.url,
    exchange.rpc?.method ?? '',
    ...request.headers.flat(),
    request.body?.text ?? '',
    ...(response ? [String(response.status), response.statusText, ...response.headers.flat()] : []),
    response?.body?.text ?? '',
    ...(response?.body?.events ?? []).map((e) => `${e.event} ${e.data}`),
    error ? `${error.code} ${error.message}` : '',
  ];
  return parts.join('\n').toLowerCase();
}

export function matches(exchange: Exchange, filter: LogFilter): boolean {
  if (
    filter.step !== 'all' &&
    !(areaOf(filter.step).steps as readonly StepId[]).includes(exchange.step)
  )
    return false;
  if (
    filter.method !== 'all' &&
    exchange.request.method.toUpperCase() !== filter.method.toUpperCase()
  )
    return false;
  if (filter.status !== 'all' && statusClassOf(exchange) !== filter.status) return false;
  const text = filter.text.trim().toLowerCase();
  return text === '' || haystack(exchange).includes(text);
}

/** The exchanges the filter keeps, in their original order. */
export const filterExchanges = (exchanges: readonly Exchange[], filter: LogFilter): Exchange[] =>
  exchanges.filter((exchange) => matches(exchange, filter));
