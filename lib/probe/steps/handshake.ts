import type { HandshakeAttempt, McpResult, Transcript } from '@/lib/report/schema';
import { findReply } from '@/lib/report/jsonrpc';
import { failed, ok, type ProbeRun, type ProbeStep } from '../context';
import { ProbeErrorCode } from '../errors';
import { SSE_FALLBACK_STATUSES, openSession, type Session } from '../mcp';

/**
 * The MCP handshake, the way the spec's backwards-compatible client does it: POST `initialize`
 * (Streamable HTTP); on 400, 404 or 405, GET expecting an `endpoint` event (legacy HTTP+SSE).
 * When the given URL does not speak MCP at all, the usual paths are tried too, so the report can
 * say which URL would have worked. The session it opens is the one later steps talk through.
 */
export const handshakeStep: ProbeStep = {
  id: 'initialize',
  async run(run) {
    const { mcp, session } = await connect(run);
    run.transcript.mcp = mcp;
    run.session = session;
    if (session) {
      return ok(
        `session opened over ${session.kind === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP'}`,
      );
    }
    const error = mcp.attempts.find((a) => !a.guessed && a.error)?.error ?? {
      code: ProbeErrorCode.Failed,
      message: 'no MCP session could be opened',
    };
    // Not a stop: the auth step still reads the handshake's 401 before the rest is skipped.
    return failed(error);
  },
};

async function connect({
  url,
  recorder,
  limits,
  signal,
}: ProbeRun): Promise<{ mcp: McpResult; session: Session | null }> {
  const options = { recorder, requestTimeoutMs: limits.requestTimeoutMs, signal };
  const mcp: McpResult = {
    attempts: [],
    transport: null,
    initializeResult: null,
    initializeExchangeId: null,
    sessionId: null,
    transportErrors: [],
  };

  const first = await openSession(url, 'streamable-http', options);
  mcp.attempts.push(first.attempt);
  let session = first.session;
  if (
    !session &&
    first.attempt.status !== null &&
    SSE_FALLBACK_STATUSES.includes(first.attempt.status)
  ) {
    const legacy = await openSession(url, 'sse', options);
    mcp.attempts.push(legacy.attempt);
    session = legacy.session;
  }
  if (session) {
    mcp.transport = session.kind;
    mcp.sessionId = (session.transport as { sessionId?: string }).sessionId ?? null;
    return { mcp, session };
  }

  // Only worth guessing when the given URL answered HTTP but not MCP (an error status, a web page):
  // a timeout, a cut connection or an oversized body says nothing about the path, and guessing
  // would only repeat it for each guess. A 401/403 is the right endpoint asking for authorization.
  const denied = mcp.attempts.some((a) => a.status === 401 || a.status === 403);
  if (
    !denied &&
    mcp.attempts.some((a) => a.status !== null && a.error?.code === ProbeErrorCode.HttpStatus) &&
    !signal.aborted
  ) {
    for (const guess of guesses(url)) {
      const { session: found, attempt } = await openSession(guess.url, guess.transport, options);
      mcp.attempts.push({ ...attempt, guessed: true });
      await found?.close();
      if (found || signal.aborted) break;
    }
  }
  return { mcp, session: null };
}

/** `/mcp` and `/sse` appended to the given path, beside its last segment, and at the root; the given URL excluded. */
export function guesses(url: URL): { url: URL; transport: HandshakeAttempt['transport'] }[] {
  const path = url.pathname.replace(/\/+$/, '');
  const bases = [`${path}/`, './', '/'];
  const seen = new Set([url.href]);
  const out: { url: URL; transport: HandshakeAttempt['transport'] }[] = [];
  for (const [name, transport] of [
    ['mcp', 'streamable-http'],
    ['sse', 'sse'],
  ] as const) {
    for (const base of bases) {
      const candidate = new URL(
        `${base}${name}`,
        new URL(base === `${path}/` ? base : url.pathname, url),
      );
      candidate.search = '';
      if (!seen.has(candidate.href)) {
        seen.add(candidate.href);
        out.push({ url: candidate, transport });
      }
    }
  }
  return out;
}

/** The raw InitializeResult of the session (or the last attempt on the given URL), for the checks. */
export function fillInitializeResult(transcript: Transcript): void {
  const mcp = transcript.mcp;
  if (!mcp) return;
  const attempts = mcp.attempts.filter((a) => !a.guessed);
  const attempt = attempts.find((a) => a.ok) ?? attempts.at(-1);
  const request = transcript.exchanges.find(
    (x) => attempt?.exchangeIds.includes(x.id) && x.rpc?.method === 'initialize',
  );
  if (!request) return;
  mcp.initializeExchangeId = request.id;
  const reply = findReply(transcript.exchanges, request);
  if (reply && 'result' in reply) {
    mcp.initializeResult = reply.result ?? null;
    mcp.initializeExchangeId = reply.exchangeId === request.id ? request.id : reply.exchangeId;
  }
}
