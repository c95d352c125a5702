import type { HandshakeAttempt, McpResult, ModernLeg, Transcript } from '@/lib/report/schema';
import { findReply } from '@/lib/report/jsonrpc';
import { failed, ok, type ProbeRun, type ProbeStep } from '../context';
import { ProbeErrorCode } from '../errors';
import { SSE_FALLBACK_STATUSES, openSession, type Session } from '../mcp';
import { openModernSession } from '../modern';

/**
 * What the server speaks, both eras probed: `server/discover` in the 2026-07-28 era (the v2 SDK,
 * pinned), then the 2025 handshake the way the spec's backwards-compatible client does it — POST
 * `initialize` (Streamable HTTP); on 400, 404 or 405, GET expecting an `endpoint` event (legacy
 * HTTP+SSE). When neither answers MCP, the usual paths are tried too, so the report can say which
 * URL would have worked. Later steps talk through the 2025 session when there is one (most clients
 * speak it), else the 2026-07-28 connection; a dual-era server's modern connection is kept for the
 * step that compares the two legs.
 */
export const handshakeStep: ProbeStep = {
  id: 'initialize',
  async run(run) {
    const options = {
      recorder: run.recorder,
      requestTimeoutMs: run.limits.requestTimeoutMs,
      signal: run.signal,
    };
    const modern = await openModernSession(run.url, options);
    const { mcp, session } = await connect(run, modern.session !== null);
    mcp.attempts.unshift(modern.attempt);
    run.transcript.mcp = mcp;
    if (session) {
      run.session = session;
      run.modernSession = modern.session;
    } else if (modern.session) {
      run.session = modern.session;
      mcp.transport = modern.session.kind;
    }
    mcp.sessionEra = run.session?.era ?? null;
    if (run.session)
      return ok(openedSummary(session !== null, modern.session !== null, run.session));
    const error = mcp.attempts.find((a) => !a.guessed && a.era === 'legacy' && a.error)?.error ??
      modern.attempt.error ?? {
        code: ProbeErrorCode.Failed,
        message: 'no MCP session could be opened',
      };
    // Not a stop: the auth step still reads the handshake's 401 before the rest is skipped.
    return failed(error);
  },
};

function openedSummary(legacy: boolean, modern: boolean, session: Session): string {
  const via = session.kind === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP';
  if (legacy && modern) return `session opened over ${via}; the server speaks 2026-07-28 too`;
  if (modern) return `connected over Streamable HTTP in the 2026-07-28 era (no 2025 handshake)`;
  return `session opened over ${via}`;
}

/** The 2025 leg: `initialize`, the legacy SSE fallback, and the guessed paths. */
async function connect(
  { url, recorder, limits, signal }: ProbeRun,
  modernWorks: boolean,
): Promise<{ mcp: McpResult; session: Session | null }> {
  const options = { recorder, requestTimeoutMs: limits.requestTimeoutMs, signal };
  const mcp: McpResult = {
    attempts: [],
    sessionEra: null,
    modern: null,
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
    mcp.sessionId = session.sessionId;
    return { mcp, session };
  }

  // Only worth guessing when the given URL answered HTTP but not MCP (an error status, a web page):
  // a timeout, a cut connection or an oversized body says nothing about the path, and guessing
  // would only repeat it for each guess. A 401/403 is the right endpoint asking for authorization,
  // and an endpoint that answers in the 2026-07-28 era is the right one too.
  const denied = mcp.attempts.some((a) => a.status === 401 || a.status === 403);
  if (
    !denied &&
    !modernWorks &&
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

/**
 * The raw InitializeResult of the 2025 session (or the last 2025 attempt on the given URL), and the
 * raw `server/discover` result of the 2026-07-28 leg, for the checks.
 */
export function fillHandshakeResults(transcript: Transcript): void {
  const mcp = transcript.mcp;
  if (!mcp) return;
  fillDiscoverResult(transcript, mcp);
  const attempts = mcp.attempts.filter((a) => !a.guessed && a.era === 'legacy');
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

function fillDiscoverResult(transcript: Transcript, mcp: McpResult): void {
  const attempt = mcp.attempts.find((a) => a.era === 'modern' && !a.guessed);
  const request = transcript.exchanges.find(
    (x) => attempt?.exchangeIds.includes(x.id) && x.rpc?.method === 'server/discover',
  );
  // Kept even when the SDK refused it: a malformed DiscoverResult is what connection.discover judges.
  const reply = request ? findReply(transcript.exchanges, request) : null;
  if (!reply || !('result' in reply)) return;
  mcp.modern ??= emptyModernLeg();
  mcp.modern.discoverExchangeId = reply.exchangeId;
  mcp.modern.discover = reply.result ?? null;
}

export const emptyModernLeg = (): ModernLeg => ({
  discover: null,
  discoverExchangeId: null,
  conformance: { headerMismatch: null, unsupportedVersion: null, methodNotFound: null },
  tools: null,
  toolsExchangeIds: [],
  toolsError: null,
});
