import type { CorsReading } from '@/lib/report/schema-cors';
import { toProbeError } from './errors';

/** One request of the CORS step. */
export interface CorsRequest {
  kind: CorsReading['kind'];
  method: 'OPTIONS' | 'POST' | 'GET';
  /** Without the user's token and headers (a preflight, a metadata document). */
  anonymous: boolean;
  headers: Record<string, string>;
  body?: string;
}

/** Bounds on what a hostile server's CORS headers can put in the transcript. */
const MAX_NAMES = 50;
const MAX_NAME = 100;
const MAX_ORIGIN = 300;

/** A comma-separated header (several fields already joined by `Headers.get`), lower-cased, bounded. */
function names(value: string | null): string[] {
  if (!value) return [];
  const split = value
    .split(',')
    .map((part) => part.trim().toLowerCase().slice(0, MAX_NAME))
    .filter((part) => part !== '');
  return [...new Set(split)].slice(0, MAX_NAMES);
}

/** What a browser would read from an answer (or that no answer came). */
export function corsReading(
  request: CorsRequest,
  url: URL,
  exchangeId: string | null,
  response: Response | null,
  error: unknown,
): CorsReading {
  const header = (name: string) => response?.headers.get(name) ?? null;
  return {
    kind: request.kind,
    method: request.method,
    url: url.href,
    exchangeId,
    status: response?.status ?? null,
    allowOrigin: header('access-control-allow-origin')?.trim().slice(0, MAX_ORIGIN) ?? null,
    allowMethods: names(header('access-control-allow-methods')),
    allowHeaders: names(header('access-control-allow-headers')),
    exposeHeaders: names(header('access-control-expose-headers')),
    // Fetch: only the exact value `true` (case-sensitive) counts.
    allowCredentials: header('access-control-allow-credentials') === 'true',
    error: response ? null : toProbeError(error, `${request.method} ${url.href}`).toData(),
  };
}
