import { areaOfStep } from '@/lib/report/areas';
import type { ProbeErrorData, RunRequest, Step, Transcript } from '@/lib/report/schema';
import type { ProbeRun, ProbeStep, StepResult } from './context';
import { createDialer, defaultDialPolicy, type DialPolicy } from './dialer';
import { ProbeError, ProbeErrorCode } from './errors';
import { LIMITS, type Limits } from './limits';
import { Recorder } from './recorder';
import { scrubTranscript } from './scrub';
import { PROBE_ORDER } from '@/lib/report/areas';
import { affinityStep } from './steps/affinity';
import { authStep } from './steps/auth';
import { corsStep } from './steps/cors';
import { dnsStep } from './steps/dns';
import { erasStep } from './steps/eras';
import { exposureStep } from './steps/exposure';
import { fillHandshakeResults, handshakeStep } from './steps/handshake';
import { negotiationStep } from './steps/negotiation';
import { tcpStep } from './steps/tcp';
import { tlsStep } from './steps/tls';
import { toolsStep } from './steps/tools';
import { widgetsStep } from './steps/widgets';
import { targetHeaders, targetRedactor, type Target } from './target';

export interface ProbeOptions {
  /** Called as each step finishes, so a UI can show progress. Summaries are already redacted. */
  onProgress?: (step: Step) => void;
  /** Which addresses may be dialled and how names resolve; defaults to the environment's policy and the system resolver. */
  dial?: DialPolicy;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  /** What the run is asked to judge; kept in the transcript, and areas it skips are not probed. */
  request?: RunRequest;
}

/**
 * The steps in the order they run: the header variants and the session's follow-ups read the
 * handshake's answer and run even when it opened no session (the tools step stops the run there);
 * the Auth row reads the handshake's answer before tools are listed; the eras step compares the
 * 2026-07-28 leg with what the run found on the other.
 */
const BY_STEP: Record<(typeof PROBE_ORDER)[number], ProbeStep> = {
  dns: dnsStep,
  tcp: tcpStep,
  tls: tlsStep,
  initialize: handshakeStep,
  negotiation: negotiationStep,
  affinity: affinityStep,
  auth: authStep,
  cors: corsStep,
  exposure: exposureStep,
  tools: toolsStep,
  resources: widgetsStep,
  eras: erasStep,
};
const STEPS: readonly ProbeStep[] = PROBE_ORDER.map((id) => BY_STEP[id]);

/**
 * Runs every step against the target and records what happened. It never throws for anything the
 * remote side does: each failure is recorded on its step or exchange, and the steps that depend on
 * it are marked skipped with the reason.
 */
export async function probe(target: Target, options: ProbeOptions = {}): Promise<Transcript> {
  const limits: Limits = { ...LIMITS, ...options.limits };
  const stop = new AbortController();
  const signal = AbortSignal.any([
    stop.signal,
    AbortSignal.timeout(target.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ]);
  const redactor = targetRedactor(target);
  const dial = options.dial ?? defaultDialPolicy();
  const dialer = createDialer(dial, limits.connectTimeoutMs);
  const recorder = new Recorder({
    redactor,
    signal,
    bounds: limits,
    baseFetch: dialer.fetch,
    headers: targetHeaders(target),
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
    startedAt: new Date().toISOString(),
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

  // Redacted before it is kept or shown: a server may quote the token or a header in an error.
  const record = (id: Step['id'], result: StepResult, startedMs: number) => {
    const error: ProbeErrorData | null = result.error
      ? { code: result.error.code, message: redactor.text(result.error.message) }
      : null;
    const step: Step = {
      id,
      status: result.status,
      summary: redactor.text(result.summary),
      durationMs: Math.round(recorder.now() - startedMs),
      error,
    };
    transcript.steps.push(step);
    options.onProgress?.(step);
  };

  const run: ProbeRun = {
    target,
    url,
    transcript,
    recorder,
    limits,
    dial,
    signal,
    session: null,
    modernSession: null,
  };
  const skipped = new Set<string>(options.request?.skip ?? []);
  let stopped: string | null = credentialsInUrl
    ? 'skipped: the URL has a user name or password in it, which MCP clients do not send'
    : null;
  try {
    for (const step of STEPS) {
      const started = recorder.now();
      if (signal.aborted) stopped ??= `skipped: the run's ${target.timeoutMs} ms budget ran out`;
      if (stopped) {
        record(step.id, { status: 'skipped', summary: stopped }, started);
        continue;
      }
      if (skipped.has(areaOfStep(step.id))) {
        record(step.id, { status: 'skipped', summary: 'skipped on request' }, started);
        continue;
      }
      recorder.step = step.id;
      const result = await step.run(run);
      record(step.id, result, started);
      if (result.stop) stopped = result.stop;
    }
    return transcript;
  } finally {
    await run.modernSession?.close();
    if (run.session) {
      await run.session.close();
      if (transcript.mcp) transcript.mcp.transportErrors = run.session.transportErrors;
    }
    stop.abort(
      new ProbeError(ProbeErrorCode.Aborted, 'closed by MCP Doctor at the end of the run'),
    );
    await dialer.close();
    transcript.exchanges = recorder.snapshot();
    fillHandshakeResults(transcript);
    scrubTranscript(transcript, redactor);
    transcript.durationMs = Math.round(recorder.now());
  }
}
