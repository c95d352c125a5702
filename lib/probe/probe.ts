import type { z } from 'zod';
import { findReply } from '@/lib/report/jsonrpc';
import type {
  HandshakeAttempt,
  McpResultSchema,
  ProbeErrorData,
  RunRequest,
  Step,
  StepId,
  Transcript,
} from '@/lib/report/schema';
import { bareHost } from '@/lib/net/address';
import { decideAddresses } from '@/lib/net/ssrf-policy';
import { createDialer, defaultDialPolicy, type DialPolicy } from './dialer';
import { ProbeError, ProbeErrorCode } from './errors';
import { LIMITS, type Limits } from './limits';
import { SSE_FALLBACK_STATUSES, openSession, type Session } from './mcp';
import { connectTcp, inspectTls, resolveHost } from './network';
import { Recorder } from './recorder';
import { scrubTranscript } from './scrub';
import { targetHeaders, targetRedactor, type Target } from './target';
import { listTools, relistTools } from './tools';
import { probeWidgets } from './widgets';
import { probeAuth } from './auth';

type McpResult = z.infer<typeof McpResultSchema>;

export interface ProbeOptions {
  /** Called as each step finishes, so a UI can show progress. */
  onProgress?: (step: Step) => void;
  /** Which addresses may be dialled and how names resolve; defaults to the environment's policy and the system resolver. */
  dial?: DialPolicy;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  /** What the run is asked to judge; kept in the transcript so a re-judged run gives the same verdict. */
  request?: RunRequest;
}

const STEP_ORDER: StepId[] = ['dns', 'tcp', 'tls', 'initialize', 'auth', 'tools', 'resources'];

/** What a step module gets: the one recorder, the bounds, the run's signal, and a way to report progress. */
export interface StepContext {
  recorder: Recorder;
  limits: Limits;
  signal: AbortSignal;
  record: (
    id: StepId,
    status: Step['status'],
    summary: string,
    startedMs: number,
    error?: ProbeErrorData | null,
  ) => void;
}

/**
 * Runs every step against the target and records what happened. It never throws for anything the
 * remote side does: each failure is recorded on its step or exchange, and the steps that depend on
 * it are marked skipped with the reason.
 */
export async function probe(target: Target, options: ProbeOptions = {}): Promise<Transcript> {
  const limits: Limits = { ...LIMITS, ...options.limits };
  const startedAt = new Date().toISOString();
  const run = new AbortController();
  const runSignal = AbortSignal.any([
    run.signal,
    AbortSignal.timeout(target.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ]);
  const redactor = targetRedactor(target);
  const headers = targetHeaders(target);
  const dial = options.dial ?? defaultDialPolicy();
  const dialer = createDialer(dial, limits.connectTimeoutMs);
  const recorder = new Recorder({
    redactor,
    signal: runSignal,
    bounds: limits,
    baseFetch: dialer.fetch,
    headers,
  });

  const url = new URL(target.url.href);
  const fragment = url.hash ? url.hash.slice(1) : null;
  url.hash = '';
  const credentialsInUrl = Boolean(url.username || url.password);
  const transcript: Transcript = {
    version: 1,
    target: {
      url: redactor.url(url.href),
      credentialsInUrl,
      fragment,
      headerNames: Object.keys(target.headers),
      hasToken: Boolean(target.token),
    },
    startedAt,
    durationMs: 0,
    steps: [],
    dns: null,
    tcp: null,
    tls: null,
    mcp: null,
    listing: null,
    tools: [],
    widgets: null,
    auth: null,
    exchanges: [],
    ...(options.request ? { request: options.request } : {}),
  };

  const record = (
    id: StepId,
    status: Step['status'],
    summary: string,
    startedMs: number,
    error: ProbeErrorData | null = null,
  ) => {
    const step: Step = {
      id,
      status,
      summary,
      durationMs: Math.round(recorder.now() - startedMs),
      error,
    };
    transcript.steps.push(step);
    options.onProgress?.(step);
  };
  const skipRest = (reason: string) => {
    for (const id of STEP_ORDER) {
      if (!transcript.steps.some((s) => s.id === id)) record(id, 'skipped', reason, recorder.now());
    }
  };
  const outOfTime = () =>
    runSignal.aborted ? `skipped: the run's ${target.timeoutMs} ms budget ran out` : null;

  const ctx: StepContext = { recorder, limits, signal: runSignal, record };
  let session: Session | null = null;
  try {
    if (credentialsInUrl) {
      skipRest('skipped: the URL has a user name or password in it, which MCP clients do not send');
      return transcript;
    }
    const host = bareHost(url);
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

    let t = recorder.now();
    transcript.dns = await resolveHost(host, dial.resolve, limits.dnsTimeoutMs);
    if (transcript.dns.error) {
      record('dns', 'failed', transcript.dns.error.message, t, transcript.dns.error);
      skipRest(`skipped: ${host} did not resolve`);
      return transcript;
    }
    record(
      'dns',
      'ok',
      `${host} → ${transcript.dns.addresses.map((a) => a.address).join(', ')}`,
      t,
    );

    t = recorder.now();
    const decision = decideAddresses(
      transcript.dns.addresses.map((a) => a.address),
      dial,
    );
    if (!decision.allowed) {
      const error = {
        code: ProbeErrorCode.BlockedByPolicy,
        message: `blocked by policy: ${decision.reason}`,
      };
      record('tcp', 'failed', error.message, t, error);
      skipRest('skipped: the address is blocked by policy');
      return transcript;
    }
    for (const { address } of transcript.dns.addresses.slice(0, 3)) {
      transcript.tcp = await connectTcp(address, port, limits.connectTimeoutMs);
      if (!transcript.tcp.error) break;
    }
    if (!transcript.tcp || transcript.tcp.error) {
      const error = transcript.tcp?.error ?? {
        code: ProbeErrorCode.ConnectFailed,
        message: `no address to connect to for ${host}`,
      };
      record('tcp', 'failed', error.message, t, error);
      skipRest(`skipped: nothing accepted a connection on port ${port}`);
      return transcript;
    }
    record(
      'tcp',
      'ok',
      `connected to ${transcript.tcp.address}:${port} in ${transcript.tcp.connectMs} ms`,
      t,
    );

    t = recorder.now();
    if (url.protocol === 'https:') {
      transcript.tls = await inspectTls(
        transcript.tcp.address,
        host,
        port,
        limits.connectTimeoutMs,
      );
      const tls = transcript.tls;
      if (tls.error) record('tls', 'failed', tls.error.message, t, tls.error);
      else if (tls.authorizationError || tls.hostnameError) {
        const message = tls.authorizationError ?? tls.hostnameError ?? '';
        record('tls', 'failed', `certificate not trusted: ${message}`, t, {
          code: ProbeErrorCode.TlsFailed,
          message,
        });
      } else
        record(
          'tls',
          'ok',
          `${tls.protocol ?? 'TLS'}, certificate for ${tls.chain[0]?.subject ?? host} valid until ${tls.chain[0]?.validTo.slice(0, 10) ?? '?'}`,
          t,
        );
    } else {
      record('tls', 'skipped', 'skipped: plain http, no TLS', t);
    }

    t = recorder.now();
    recorder.step = 'initialize';
    const handshake = await connect(url, recorder, limits, runSignal);
    transcript.mcp = handshake.mcp;
    session = handshake.session;

    if (session)
      record(
        'initialize',
        'ok',
        `session opened over ${session.kind === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP'}`,
        t,
      );
    else {
      const error = handshake.mcp.attempts.find((a) => !a.guessed && a.error)?.error ?? null;
      record('initialize', 'failed', error?.message ?? 'no MCP session could be opened', t, error);
    }

    recorder.step = 'auth';
    transcript.auth = await probeAuth(url, handshake.mcp, ctx, {
      withCredentials: Boolean(target.token) || Object.keys(target.headers).length > 0,
      checkRedirectUri: target.checkRedirectUri,
    });
    if (!session) {
      skipRest(outOfTime() ?? 'skipped: no MCP session was opened');
      return transcript;
    }

    t = recorder.now();
    recorder.step = 'tools';
    const { listing, tools } = await listTools(session, recorder, limits);
    transcript.listing = listing;
    transcript.tools = tools;
    const failedPage = listing.pages.find((p) => p.error);
    if (failedPage?.error) {
      record('tools', 'failed', failedPage.error.message, t, failedPage.error);
    } else {
      listing.relist = await relistTools(session, recorder);
      record(
        'tools',
        'ok',
        `${tools.length} tool${tools.length === 1 ? '' : 's'} in ${listing.pages.length} page${listing.pages.length === 1 ? '' : 's'}`,
        t,
      );
    }

    recorder.step = 'resources';
    transcript.widgets = await probeWidgets(session, tools, ctx);
    return transcript;
  } finally {
    if (session) {
      await session.close();
      if (transcript.mcp) transcript.mcp.transportErrors = session.transportErrors;
    }
    run.abort(new ProbeError(ProbeErrorCode.Aborted, 'closed by MCP Doctor at the end of the run'));
    await dialer.close();
    transcript.exchanges = recorder.snapshot();
    fillInitializeResult(transcript);
    scrubTranscript(transcript, redactor);
    transcript.durationMs = Math.round(recorder.now());
  }
}

/**
 * The spec's backwards-compatible procedure: POST `initialize` (Streamable HTTP); on 400, 404 or 405,
 * GET expecting an `endpoint` event (legacy HTTP+SSE). When the given URL does not speak MCP at all,
 * the usual paths are tried too, so the report can say which URL would have worked.
 */
async function connect(
  url: URL,
  recorder: Recorder,
  limits: Limits,
  signal: AbortSignal,
): Promise<{ mcp: McpResult; session: Session | null }> {
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
function fillInitializeResult(transcript: Transcript): void {
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
