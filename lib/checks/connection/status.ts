import { responseMessages } from '@/lib/report/jsonrpc';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { defineCheck, type Outcome, pass } from '../define';
import { blockedByHandshake, withoutConnection } from '../shared/blocked';
import { excerpt, mediaType, requestLine, statusLine } from '../shared/exchanges';
import {
  givenAttempts,
  guessHint,
  handshakeVerdict,
  initializeRequest,
  openingExchanges,
  workingGuess,
} from '../shared/handshake';

/** What the server said besides its status: a JSON-RPC error message, or a short plain-text body. */
function serverSays(exchange: Exchange): string {
  for (const message of responseMessages(exchange)) {
    const error = (message as { error?: { message?: unknown } } | null)?.error;
    if (typeof error?.message === 'string' && error.message)
      return ` ("${excerpt(error.message, 100)}")`;
  }
  const text = excerpt(exchange.response?.body?.text ?? '', 100);
  const repeatsStatus = text.toLowerCase() === exchange.response?.statusText.toLowerCase();
  return text && !repeatsStatus && mediaType(exchange) === 'text/plain' ? ` ("${text}")` : '';
}

const STATUS_CODES = [
  'not-found',
  'method-not-allowed',
  'server-error',
  'forbidden',
  'bad-request',
  'http-error',
] as const;

function codeFor(status: number): { code: (typeof STATUS_CODES)[number]; fix: string } {
  if (status === 404) {
    return {
      code: 'not-found',
      fix: 'Check the path: MCP servers usually answer on /mcp (Streamable HTTP) or /sse (legacy HTTP+SSE). MCP Doctor tried those next to the given path; the message says which one answers.',
    };
  }
  if (status === 405) {
    return {
      code: 'method-not-allowed',
      fix: 'This URL does not accept POST: it is not a Streamable HTTP endpoint. Use the MCP endpoint of the server (often /mcp).',
    };
  }
  if (status >= 500) {
    return {
      code: 'server-error',
      fix: 'The server failed on initialize: look in its logs for the error. Behind a proxy, a 502/504 means the server behind it is down or too slow.',
    };
  }
  if (status === 403) {
    return {
      code: 'forbidden',
      fix: 'The server refused the request: check its allowed hosts/origins (DNS-rebinding protection) and any firewall or access rule in front of it.',
    };
  }
  if (status === 400) {
    return {
      code: 'bad-request',
      fix: 'The server rejected the initialize request; read the error it sent. A stateful server that demands a session id on initialize, or a strict Accept/Content-Type check, are the usual causes.',
    };
  }
  return {
    code: 'http-error',
    fix: 'The server answered initialize with an error status; read the answer in the raw log.',
  };
}

/** The legacy SSE fallback's answer, when it failed too: worth saying both were refused. */
function fallbackNote(t: Transcript): { note: string; ids: string[] } {
  const sse = givenAttempts(t).find((a) => a.transport === 'sse');
  const stream = sse ? openingExchanges(t, sse).at(-1) : undefined;
  if (!stream?.response) return { note: '', ids: [] };
  return { note: `; the legacy SSE GET answered ${statusLine(stream)} too`, ids: [stream.id] };
}

/** The probe's first finding on a non-MCP answer: the status says whether the path, method or server is wrong. */
export default defineCheck({
  id: 'connection.status',
  area: 'connection',
  severity: 'error',
  title: 'The server answers initialize with a success status',
  failureTitle: 'The server answers initialize with an error status',
  fix: 'Use the URL of the MCP endpoint itself (often https://host/mcp) and make sure it accepts POST.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports',
  codes: STATUS_CODES,
  run(t): Outcome {
    const verdict = handshakeVerdict(t);
    switch (verdict.kind) {
      case 'not-attempted':
        return withoutConnection(t, 'no MCP request was sent');
      case 'no-answer':
        return blockedByHandshake(
          t,
          `the initialize request got no HTTP answer (${(verdict.exchange?.error ?? verdict.attempt.error)?.message ?? 'no exchange recorded'})`,
        );
      case 'tunnel':
      case 'edge':
        return blockedByHandshake(
          t,
          `the answer is ${verdict.edge.signature.name}'s, not the server's`,
        );
      case 'negotiation':
        return blockedByHandshake(
          t,
          `${statusLine(verdict.exchange)} refuses the request's Accept or Content-Type`,
        );
      case 'api-key':
        return blockedByHandshake(t, `${statusLine(verdict.exchange)} asks for an API key`);
      case 'redirect':
        return blockedByHandshake(t, `the answer is a redirect, ${statusLine(verdict.exchange)}`);
      case 'modern-era':
        return blockedByHandshake(t, 'the server speaks only the stateless 2026-07-28 protocol');
      case 'auth':
        return blockedByHandshake(t, `${statusLine(verdict.exchange)} asks for authorization`);
      case 'status': {
        const { exchange } = verdict;
        const status = exchange.response?.status ?? 0;
        const { code, fix } = codeFor(status);
        const fallback =
          verdict.attempt.transport === 'streamable-http' ? fallbackNote(t) : { note: '', ids: [] };
        const guess = workingGuess(t);
        const guessIds = guess
          ? [initializeRequest(t, guess)?.id ?? guess.exchangeIds[0]].filter(
              (id): id is string => !!id,
            )
          : [];
        return {
          status: 'fail',
          code,
          message: `${requestLine(exchange)} answered ${statusLine(exchange)}${serverSays(exchange)}${fallback.note}${guessHint(t)}.`,
          fix: guess ? `Use ${guess.url}: it answers MCP. ${fix}` : fix,
          evidence: [exchange.id, ...fallback.ids, ...guessIds],
        };
      }
      case 'content-type':
      case 'answered':
        return pass(`${requestLine(verdict.exchange)} answered ${statusLine(verdict.exchange)}`);
    }
  },
});
