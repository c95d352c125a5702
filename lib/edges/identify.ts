import type { Exchange } from '@/lib/report/schema';
import type { EdgePattern, EvidenceKind } from './signature-schema';
import {
  firstHeader,
  headerLine,
  headerValues,
  lineAround,
  requestHost,
  scannedBody,
  statusText,
} from './response-text';
import { type KnownEdgeSignature, SIGNATURES } from './signatures';

/** What identified the edge: the exact header line, body line, Location or status it quotes. */
export interface Evidence {
  kind: EvidenceKind;
  /** Bounded to about 200 characters; untrusted text, escaped by whoever shows it. */
  text: string;
}

export interface EdgeMatch {
  signature: KnownEdgeSignature;
  evidence: Evidence;
}

/**
 * Names the edge, platform or proxy that answered this exchange instead of the MCP server, from the
 * recorded status, headers, Location and body, or null when nothing in the table matches (the
 * server's own answer, or an edge nobody has described yet).
 *
 * Order: the table is walked top to bottom and the first signature with a matching pattern wins.
 * The table lists the most specific first — tunnels and their error codes, then edges that mark
 * their answer with a dedicated header (challenges, firewalls), login walls, gateways, platform
 * states, and last the generic default pages of nginx, Envoy and load balancers, which any of the
 * above may sit behind. signatures.test.ts holds the table to that order.
 *
 * Pure and bounded: it reads only the recorded text, the body in its first 32 KB, and every body
 * pattern is free of unbounded repetition, so a hostile body costs linear time.
 */
export function identifyEdge(exchange: Exchange): EdgeMatch | null {
  if (!exchange.response) return null;
  const body = scannedBody(exchange);
  for (const signature of SIGNATURES) {
    for (const pattern of signature.match) {
      const evidence = matchPattern(pattern, exchange, body);
      if (evidence) return { signature, evidence };
    }
  }
  return null;
}

/** The evidence of every clause of `pattern`, or null as soon as one clause fails. */
function matchPattern(pattern: EdgePattern, exchange: Exchange, body: string): Evidence | null {
  const response = exchange.response;
  if (!response) return null;
  if (pattern.status && !pattern.status.includes(response.status)) return null;
  if (pattern.host && !pattern.host.test(requestHost(exchange))) return null;

  const found: Partial<Record<EvidenceKind, Evidence>> = {
    status: { kind: 'status', text: statusText(exchange) },
  };
  for (const rule of pattern.headers ?? []) {
    const value = headerValues(response.headers, rule.name).find((v) => rule.pattern.test(v));
    if (value === undefined) return null;
    found.header ??= { kind: 'header', text: headerLine(rule.name, value) };
  }
  if (pattern.location) {
    const location = firstHeader(response.headers, 'location');
    if (location === null || !pattern.location.test(location)) return null;
    found.location = { kind: 'location', text: headerLine('location', location) };
  }
  if (pattern.body) {
    const hit = firstBodyMatch(body, pattern.body);
    if (!hit) return null;
    found.body = { kind: 'body', text: lineAround(body, hit.index, hit.length) };
  }
  const order: EvidenceKind[] = ['header', 'location', 'body', 'status'];
  if (pattern.quote) order.unshift(pattern.quote);
  for (const kind of order) {
    const evidence = found[kind];
    if (evidence) return evidence;
  }
  return null;
}

/** The earliest match of any pattern in the body. Patterns are used without the `g` flag. */
function firstBodyMatch(
  body: string,
  patterns: readonly RegExp[],
): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  for (const pattern of patterns) {
    const m = pattern.exec(body);
    if (m && (best === null || m.index < best.index))
      best = { index: m.index, length: m[0].length };
  }
  return best;
}
