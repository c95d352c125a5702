import { ProbeErrorCode } from '@/lib/report/schema-base';
import type { Exchange, HandshakeAttempt, Transcript } from '@/lib/report/schema';
import {
  REDIRECT_STATUSES,
  exchangesById,
  isSuccess,
  mediaType,
  responseHeader,
} from './exchanges';
import { type ModernRejection, modernRejection } from './protocol-era';
import { type TunnelError, tunnelError } from './tunnels';

/**
 * The 2025 handshake's attempts on the URL the user gave (Streamable HTTP, then the SSE fallback),
 * not the guesses, nor the 2026-07-28 leg (`server/discover`, judged by its own checks).
 */
export const givenAttempts = (t: Transcript): HandshakeAttempt[] =>
  t.mcp?.attempts.filter((a) => !a.guessed && a.era === 'legacy') ?? [];

/** A guessed URL (`/mcp`, `/sse` near the given path) that opened a session, if one did. */
export const workingGuess = (t: Transcript): HandshakeAttempt | null =>
  t.mcp?.attempts.find((a) => a.guessed && a.ok) ?? null;

/** " — https://host/mcp answers MCP: use that URL", or "" when no guess worked. */
export function guessHint(t: Transcript): string {
  const guess = workingGuess(t);
  if (!guess) return '';
  const legacy = guess.transport === 'sse' ? ' (legacy HTTP+SSE)' : '';
  return ` — ${guess.url} answers MCP${legacy}: use that URL`;
}

/**
 * The exchanges of an attempt's opening request, redirect hops included: the `initialize` POST for
 * Streamable HTTP, the GET that opens the stream for legacy HTTP+SSE.
 */
export function openingExchanges(t: Transcript, attempt: HandshakeAttempt): Exchange[] {
  const exchanges = exchangesById(t, attempt.exchangeIds);
  if (attempt.transport === 'streamable-http') {
    return exchanges.filter((x) => x.rpc?.method === 'initialize');
  }
  const firstPost = exchanges.findIndex((x) => x.request.method !== 'GET');
  return firstPost === -1 ? exchanges : exchanges.slice(0, firstPost);
}

/** The `initialize` request of an attempt (the last hop when it was redirected). */
export const initializeRequest = (t: Transcript, attempt: HandshakeAttempt): Exchange | null =>
  exchangesById(t, attempt.exchangeIds)
    .filter((x) => x.rpc?.method === 'initialize')
    .at(-1) ?? null;

/**
 * The attempt that tells what happened on the given URL: the one that opened a session; else the
 * legacy SSE fallback when its stream opened (an SSE server that failed later); else the first.
 */
export function decisiveAttempt(t: Transcript): HandshakeAttempt | null {
  const given = givenAttempts(t);
  const ok = given.find((a) => a.ok);
  if (ok) return ok;
  const sse = given.find((a) => a.transport === 'sse');
  const stream = sse ? openingExchanges(t, sse).at(-1) : undefined;
  if (sse && stream?.response && isSuccess(stream.response.status)) return sse;
  return given[0] ?? null;
}

/** The media types an answer to the opening request may carry (Spec transports). */
export const MCP_MEDIA_TYPES: Record<HandshakeAttempt['transport'], readonly string[]> = {
  'streamable-http': ['application/json', 'text/event-stream'],
  sse: ['text/event-stream'],
};

/**
 * What the given URL's handshake came to, decided once so that each root cause is reported by the
 * one check that owns it: a tunnel page by `connection.tunnel` (not also `connection.status`), a
 * redirect by `connection.redirect`, a web page by `connection.content-type`, and so on.
 */
export type HandshakeVerdict =
  | { kind: 'not-attempted' }
  /** The request failed before any HTTP answer (refused, reset, timed out, TLS…). */
  | { kind: 'no-answer'; attempt: HandshakeAttempt; exchange: Exchange | null }
  | { kind: 'tunnel'; attempt: HandshakeAttempt; exchange: Exchange; tunnel: TunnelError }
  /** The handshake ended on a redirect the client did not follow. */
  | { kind: 'redirect'; attempt: HandshakeAttempt; exchange: Exchange }
  | {
      kind: 'modern-era';
      attempt: HandshakeAttempt;
      exchange: Exchange;
      rejection: ModernRejection;
    }
  | { kind: 'auth'; attempt: HandshakeAttempt; exchange: Exchange }
  | { kind: 'status'; attempt: HandshakeAttempt; exchange: Exchange }
  | {
      kind: 'content-type';
      attempt: HandshakeAttempt;
      exchange: Exchange;
      mediaType: string | null;
    }
  /** A 2xx answer with an MCP media type: its body decides (`connection.initialize`). */
  | { kind: 'answered'; attempt: HandshakeAttempt; exchange: Exchange };

/** 401, or 403 with a Bearer challenge (`insufficient_scope`): the Auth row's findings. */
function asksForAuth(exchange: Exchange): boolean {
  const status = exchange.response?.status;
  return (
    status === 401 ||
    (status === 403 && /bearer/i.test(responseHeader(exchange, 'www-authenticate') ?? ''))
  );
}

function judgeAnswer(attempt: HandshakeAttempt, exchange: Exchange): HandshakeVerdict {
  const response = exchange.response;
  if (!response) return { kind: 'no-answer', attempt, exchange };
  const tunnel = tunnelError(exchange);
  if (tunnel) return { kind: 'tunnel', attempt, exchange, tunnel };
  if (REDIRECT_STATUSES.includes(response.status)) return { kind: 'redirect', attempt, exchange };
  const rejection = modernRejection(exchange);
  if (rejection) return { kind: 'modern-era', attempt, exchange, rejection };
  if (asksForAuth(exchange)) return { kind: 'auth', attempt, exchange };
  if (!isSuccess(response.status)) return { kind: 'status', attempt, exchange };
  return { kind: 'answered', attempt, exchange };
}

export function handshakeVerdict(t: Transcript): HandshakeVerdict {
  const attempt = decisiveAttempt(t);
  if (!attempt) return { kind: 'not-attempted' };
  const opening = openingExchanges(t, attempt).at(-1);
  if (!opening) return { kind: 'no-answer', attempt, exchange: null };
  const verdict = judgeAnswer(attempt, opening);
  if (verdict.kind !== 'answered') return verdict;

  const type = mediaType(opening);
  if (!type || !MCP_MEDIA_TYPES[attempt.transport].includes(type)) {
    return { kind: 'content-type', attempt, exchange: opening, mediaType: type };
  }
  // Legacy SSE: the stream opened; the initialize POST to the announced endpoint must be taken too.
  if (attempt.transport === 'sse') {
    const post = initializeRequest(t, attempt);
    if (post && (!post.response || !isSuccess(post.response.status)))
      return judgeAnswer(attempt, post);
  }
  return verdict;
}

/** The check that reports a request that failed before any HTTP answer, by the probe's error code. */
export function networkErrorOwner(
  code: ProbeErrorCode,
): 'connection.tcp' | 'connection.tls' | 'connection.latency' | 'connection.dns' | null {
  return NETWORK_ERROR_OWNERS[code] ?? null;
}

const NETWORK_ERROR_OWNERS: Partial<
  Record<
    ProbeErrorCode,
    'connection.tcp' | 'connection.tls' | 'connection.latency' | 'connection.dns'
  >
> = {
  [ProbeErrorCode.ConnectionRefused]: 'connection.tcp',
  [ProbeErrorCode.ConnectionReset]: 'connection.tcp',
  [ProbeErrorCode.ConnectFailed]: 'connection.tcp',
  [ProbeErrorCode.TlsFailed]: 'connection.tls',
  [ProbeErrorCode.Timeout]: 'connection.latency',
  [ProbeErrorCode.DnsNotFound]: 'connection.dns',
  [ProbeErrorCode.DnsFailed]: 'connection.dns',
};

/**
 * The JSON-RPC requests sent to the given URL: its handshake attempts and the session's later
 * requests, without the guessed URLs' traffic or OAuth discovery.
 */
export function mcpRequests(t: Transcript): Exchange[] {
  const guessed = new Set(t.mcp?.attempts.filter((a) => a.guessed).flatMap((a) => a.exchangeIds));
  return t.exchanges.filter((x) => x.rpc && x.step !== 'auth' && !guessed.has(x.id));
}

/** Every exchange of the given URL's handshake attempts (SSE streams included). */
export const givenExchanges = (t: Transcript): Exchange[] =>
  exchangesById(
    t,
    givenAttempts(t).flatMap((a) => a.exchangeIds),
  );
