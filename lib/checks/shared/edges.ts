import { type EdgeMatch, identifyEdge } from '@/lib/edges/identify';
import type { Exchange } from '@/lib/report/schema';
import { isSuccess, mediaType, responseHeader, statusLine } from './exchanges';

/**
 * What stood in front of the MCP server and answered instead of it: a tunnel's error page, a CDN
 * challenge, a login wall, a gateway, a sleeping host, a proxy's default page, named from the one
 * signature table (lib/edges/signatures.ts).
 */

// The server's own MCP answer (Spec transports: application/json or text/event-stream).
const MCP_TYPES = ['application/json', 'text/event-stream'];
// A Bearer challenge among the WWW-Authenticate values (RFC 9110 §11.6.1 allows a list).
const BEARER = /(^|,)\s*Bearer\b/i;

/**
 * The edge that answered this exchange instead of the server, or null. Two answers are never an
 * edge, whatever their headers or body quote: a success in an MCP media type (the server answered),
 * and a 401/403 with a Bearer challenge (OAuth is reachable through whatever is in front; the Auth
 * row judges it).
 */
export function edgeAnswer(exchange: Exchange): EdgeMatch | null {
  const response = exchange.response;
  if (!response) return null;
  if (isSuccess(response.status) && MCP_TYPES.includes(mediaType(exchange) ?? '')) return null;
  if (BEARER.test(responseHeader(exchange, 'www-authenticate') ?? '')) return null;
  return identifyEdge(exchange);
}

export interface EdgeAnswer {
  exchange: Exchange;
  edge: EdgeMatch;
}

/** The exchanges answered by an edge that `wanted` accepts, in recorded order. */
export function edgeAnswers(
  exchanges: readonly Exchange[],
  wanted: (edge: EdgeMatch) => boolean,
): EdgeAnswer[] {
  return exchanges.flatMap((exchange) => {
    const edge = edgeAnswer(exchange);
    return edge && wanted(edge) ? [{ exchange, edge }] : [];
  });
}

/** `Cloudflare bot protection (challenge page) answered HTTP 403 Forbidden`. */
export const answeredBy = ({ exchange, edge }: EdgeAnswer): string =>
  `${edge.signature.name} answered ${statusLine(exchange)}`;

/** An edge answer as a finding item: the request, then what answered and the line that says so. */
export const edgeItem = ({ exchange, edge }: EdgeAnswer) => ({
  subject: `${exchange.request.method} ${exchange.request.url}`,
  detail: `${statusLine(exchange)} from ${edge.signature.name}: ${edge.evidence.text}`,
  evidence: [exchange.id],
});
