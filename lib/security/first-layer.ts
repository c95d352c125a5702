import { MAX_BODY_BYTES } from '@/lib/api/read-json';
import { MAX_IMPORT_BYTES } from '@/lib/sessions/transfer-limits';
import { AdmissionError } from './errors';
import type { GateDecision } from './token-gate';

/**
 * What every request must pass before any route reads it: a path that decodes, and for requests
 * that change state, a same-origin browser (or no browser at all), a JSON body and a body no
 * larger than its route takes. Pure decisions on the method, path and headers; proxy.ts applies
 * them to every route but `/api/import`, which applies them itself (it takes 20 MB, more than the
 * proxy should ever hold of a request).
 */

/** The methods that never change state (RFC 9110 §9.2.1), which a cross-site page may send. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const changesState = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/** Routes taking more than an API request's body, and the login form; the rest take JSON. */
const BODY_RULES: { path: RegExp; limit: number; types: readonly string[] }[] = [
  { path: /^\/api\/import$/, limit: MAX_IMPORT_BYTES, types: ['application/json'] },
  {
    path: /^\/api\/login$/,
    limit: 8 * 1024,
    types: ['application/x-www-form-urlencoded', 'multipart/form-data'],
  },
  { path: /^\/api\//, limit: MAX_BODY_BYTES, types: ['application/json'] },
];

/** The bytes a route takes in a body: 20 MB for an import, 64 KB for the rest of the API. */
export function bodyLimit(pathname: string): number {
  return BODY_RULES.find((rule) => rule.path.test(pathname))?.limit ?? MAX_BODY_BYTES;
}

/** `/api/runs/%ff` and the like: Next answers 500 when it decodes the segment for the route. */
export function checkPath(pathname: string): AdmissionError | null {
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return new AdmissionError(
        'bad-path',
        `the path has a segment that is not valid percent-encoding: "${segment.slice(0, 40)}"`,
      );
    }
  }
  return null;
}

/**
 * A state-changing request must come from the dashboard's own pages, or from no browser (curl, CI,
 * the CLI, which send neither header). Browsers say where a request comes from in Sec-Fetch-Site
 * (https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header) and, for every non-GET request, in
 * Origin (https://fetch.spec.whatwg.org/#origin-header), `null` from an opaque origin such as a
 * sandboxed widget. Sec-Fetch-Site decides when it was sent, Origin otherwise; naming another site
 * is refused: `fetch(…, { mode: 'no-cors' })` from a page or a widget elsewhere cannot start
 * diagnoses or write to the store.
 */
export function checkCrossSite(
  method: string,
  headers: Headers,
  ownOrigins: readonly string[],
): AdmissionError | null {
  if (!changesState(method)) return null;
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  const refuse = (from: string) =>
    new AdmissionError(
      'cross-site',
      `${method} from ${from} is refused: this dashboard takes changes only from its own pages (or from clients that are not browsers)`,
    );
  // The browser sets Sec-Fetch-Site itself and no page can forge it; it outranks Origin, which a
  // same-origin form post sends as `null` under `Referrer-Policy: no-referrer` (the dashboard's).
  if (site !== null) return site === 'same-origin' ? null : refuse(`a ${site} page`);
  if (origin !== null && !ownOrigins.includes(origin)) return refuse(origin.slice(0, 100));
  return null;
}

const mediaType = (contentType: string | null) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * A state-changing request must declare the body its route reads, and its size: a JSON type for
 * the API (a cross-site form or `no-cors` fetch can only send text/plain, form or multipart bodies
 * without a preflight), and a Content-Length within the route's limit, so a body is refused
 * before a byte of it is read. Node's parser never delivers more than the Content-Length it was
 * told; routes count the bytes again as they read.
 */
export function checkBody(
  method: string,
  pathname: string,
  headers: Headers,
): AdmissionError | null {
  if (!changesState(method)) return null;
  const rule = BODY_RULES.find((r) => r.path.test(pathname));
  if (!rule) return null;
  const length = headers.get('content-length');
  const chunked = headers.get('transfer-encoding') !== null;
  if (length === null && !chunked) return null; // no body at all
  const type = mediaType(headers.get('content-type'));
  if (!rule.types.includes(type)) {
    return new AdmissionError(
      'unsupported-media-type',
      `the body must be ${rule.types.join(' or ')}${type ? `, not ${type.slice(0, 60)}` : ' (no Content-Type was sent)'}`,
    );
  }
  if (length === null || !/^\d+$/.test(length)) {
    return new AdmissionError(
      'body-too-large',
      'send the body with a Content-Length: a body of unknown size is not read',
    );
  }
  if (Number(length) > rule.limit) {
    return new AdmissionError(
      'body-too-large',
      `the body is ${length} bytes; ${pathname} takes at most ${rule.limit} bytes`,
    );
  }
  return null;
}

/**
 * The dashboard's own origins, as a browser on its pages would send them: MCP_DOCTOR_ORIGIN (the
 * public URL), and the origin the request was made to (its Host). Behind trusted proxies, the
 * host and scheme they forward.
 */
export function ownOrigins(
  requestUrl: string,
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
  trustedProxies = 0,
): string[] {
  const origins = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (!value) return;
    try {
      origins.add(new URL(value).origin);
    } catch {
      // not a URL: nothing to add
    }
  };
  add(env.MCP_DOCTOR_ORIGIN);
  const url = new URL(requestUrl);
  const host = headers.get('host');
  add(host ? `${url.protocol}//${host}` : url.href);
  if (trustedProxies > 0) {
    const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (forwardedHost) add(`${forwardedProto || url.protocol.slice(0, -1)}://${forwardedHost}`);
  }
  return [...origins];
}

/**
 * The first layer's verdict on an API request, in order: a path that decodes, the team token, a
 * same-origin browser, a declared JSON body within the route's limit. Null when it may go on.
 */
export function refuseApiRequest(
  request: Request,
  options: { gate: GateDecision; trustedProxies: number },
): AdmissionError | null {
  const { pathname } = new URL(request.url);
  if (options.gate === 'unauthorized-api') {
    return new AdmissionError(
      'unauthorized',
      'This dashboard requires its team token: send Authorization: Bearer <MCP_DOCTOR_TOKEN>.',
    );
  }
  return (
    checkCrossSite(
      request.method,
      request.headers,
      ownOrigins(request.url, request.headers, process.env, options.trustedProxies),
    ) ?? checkBody(request.method, pathname, request.headers)
  );
}
