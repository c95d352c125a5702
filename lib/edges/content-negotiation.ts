import type { Exchange } from '@/lib/report/schema';
import type { Evidence } from './identify';
import { firstHeader, headerLine, lineAround, scannedBody } from './response-text';

/**
 * Reading a 406 Not Acceptable or 415 Unsupported Media Type from an MCP endpoint: which request
 * header the transport requires, what the client sent, what the server (or something in front of
 * it) wanted instead, and request variants a probe can send to tell which.
 *
 * What the spec requires (modelcontextprotocol/modelcontextprotocol, docs/specification/2025-11-25/
 * basic/transports.mdx "Sending Messages to the Server" and 2026-07-28/basic/transports/
 * streamable-http.mdx "Sending Messages"): a POST MUST carry an Accept header listing both
 * application/json and text/event-stream; a 2025-era GET (the standalone SSE stream, gone in
 * 2026-07-28) MUST list text/event-stream. Neither revision states a MUST for the request's
 * Content-Type: application/json appears in the examples, and the TypeScript SDK enforces it with a
 * 415 (server/webStandardStreamableHttp.ts in @modelcontextprotocol/sdk 1.32, which only checks that
 * the value contains application/json; other servers compare it exactly).
 */

const SPEC_2025 = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports';
const SPEC_2026 =
  'https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http';
const TS_SDK_1944 = 'https://github.com/modelcontextprotocol/typescript-sdk/issues/1944';

export const SPEC_ACCEPT = 'application/json, text/event-stream';

export interface Requirement {
  header: 'accept' | 'content-type';
  /** The value a conforming client sends. */
  value: string;
  /** `MUST` in the spec, or only what the SDKs enforce. */
  level: 'spec-must' | 'sdk-enforced';
  sources: readonly string[];
}

export interface NegotiationDiagnosis {
  status: 406 | 415;
  requirement: Requirement;
  /** The request header as sent, or null when the request had none. */
  sent: string | null;
  /** The media types the answer names, from its error text or its Accept header (RFC 9110 §15.5.16). */
  wanted: { mediaTypes: string[]; evidence: Evidence } | null;
  /**
   * `client-missed-requirement`: the request lacked what the spec (or SDK) requires.
   * `stricter-than-spec`: the request had it and was refused anyway — the server wants more than
   * the spec, or a proxy in front of it rewrote or dropped the header (OB1#176 rewrote Accept to
   * application/json; context-awesome#11 lost it behind a hosted wrapper).
   */
  verdict: 'client-missed-requirement' | 'stricter-than-spec';
}

/** Media types of an Accept or Content-Type value, lower-case, without parameters. */
export function mediaTypes(value: string): string[] {
  return value
    .slice(0, 1024)
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter(Boolean);
}

function requirementFor(exchange: Exchange, status: 406 | 415): Requirement {
  if (status === 415) {
    return {
      header: 'content-type',
      value: 'application/json',
      level: 'sdk-enforced',
      sources: [SPEC_2026, TS_SDK_1944],
    };
  }
  const get = exchange.request.method.toUpperCase() === 'GET';
  return {
    header: 'accept',
    value: get ? 'text/event-stream' : SPEC_ACCEPT,
    level: 'spec-must',
    sources: get ? [SPEC_2025] : [SPEC_2025, SPEC_2026],
  };
}

// The media types named in an error text; bounded: the body is remote.
const MEDIA_TYPE = /\b(application|text)\/[a-z0-9.+-]{1,40}/gi;

function wantedBy(exchange: Exchange): NegotiationDiagnosis['wanted'] {
  const response = exchange.response;
  if (!response) return null;
  const accept = firstHeader(response.headers, 'accept');
  if (accept !== null && mediaTypes(accept).length) {
    return {
      mediaTypes: mediaTypes(accept),
      evidence: { kind: 'header', text: headerLine('accept', accept) },
    };
  }
  const body = scannedBody(exchange);
  const found = [...body.matchAll(MEDIA_TYPE)].slice(0, 8);
  const first = found[0];
  if (!first) return null;
  return {
    mediaTypes: [...new Set(found.map((m) => m[0].toLowerCase()))],
    evidence: { kind: 'body', text: lineAround(body, first.index, first[0].length) },
  };
}

/** What a 406 or 415 from an MCP endpoint says, or null for any other answer. */
export function diagnoseNegotiation(exchange: Exchange): NegotiationDiagnosis | null {
  const status = exchange.response?.status;
  if (status !== 406 && status !== 415) return null;
  const requirement = requirementFor(exchange, status);
  const sent = exchange.request.headers.find(([n]) => n.toLowerCase() === requirement.header)?.[1];
  const required = mediaTypes(requirement.value);
  const listed = sent === undefined ? [] : mediaTypes(sent);
  const met = required.every((type) => listed.includes(type));
  return {
    status,
    requirement,
    sent: sent ?? null,
    wanted: wantedBy(exchange),
    verdict: met ? 'stricter-than-spec' : 'client-missed-requirement',
  };
}

/**
 * Request variants for the probe to send to an endpoint that refused the spec's headers, at most
 * four: each differs from the spec baseline in one header, so the statuses tell what it wants.
 */
export const NEGOTIATION_VARIANTS = [
  {
    id: 'spec',
    headers: { accept: SPEC_ACCEPT, 'content-type': 'application/json' },
    tells: 'the baseline every conforming MCP client sends',
  },
  {
    id: 'json-only',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    tells: 'whether the server also answers a JSON-only Accept (typescript-sdk#1944 refuses it)',
  },
  {
    id: 'wildcard',
    headers: { accept: '*/*', 'content-type': 'application/json' },
    tells: 'whether a wildcard Accept, what generic HTTP clients send, is refused',
  },
  {
    id: 'charset',
    headers: { accept: SPEC_ACCEPT, 'content-type': 'application/json; charset=utf-8' },
    tells: 'whether Content-Type is compared as an exact string (a charset parameter fails)',
  },
] as const;

export type NegotiationVariantId = (typeof NEGOTIATION_VARIANTS)[number]['id'];

/** Which variant a recorded request was, by its Accept and Content-Type as sent, or null. */
export function variantOf(exchange: Exchange): NegotiationVariantId | null {
  const sent = (name: string) =>
    exchange.request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const variant = NEGOTIATION_VARIANTS.find(
    (v) =>
      v.headers.accept === sent('accept') && v.headers['content-type'] === sent('content-type'),
  );
  return variant?.id ?? null;
}

export interface VariantReading {
  /** The spec's own headers were refused: the server, or a proxy, is stricter than the spec. */
  refusesSpec: boolean;
  /** It insists on text/event-stream even where it could answer JSON. */
  requiresEventStream: boolean;
  refusesWildcard: boolean;
  /** It compares Content-Type byte for byte. */
  exactContentType: boolean;
}

const refused = (status: number | undefined): boolean => status === 406 || status === 415;

/** What the statuses of the variants say; a variant the probe did not send reads as not refused. */
export function readVariants(
  statuses: Partial<Record<NegotiationVariantId, number>>,
): VariantReading {
  const specRefused = refused(statuses.spec);
  return {
    refusesSpec: specRefused,
    requiresEventStream: !specRefused && refused(statuses['json-only']),
    refusesWildcard: refused(statuses.wildcard),
    exactContentType: !specRefused && refused(statuses.charset),
  };
}
