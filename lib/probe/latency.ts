import { z } from 'zod';
import { latencyStats, type Latency } from '@/lib/report/latency-schema';
import type { Era, ProbeErrorData, Transport } from '@/lib/report/schema';
import { createDialer, defaultDialPolicy, type DialPolicy } from './dialer';
import { ProbeError, ProbeErrorCode } from './errors';
import { LIMITS, type Limits } from './limits';
import { asProbeError, openSession } from './mcp';
import { openModernSession } from './modern';
import { Recorder } from './recorder';
import { targetHeaders, targetRedactor, type Target } from './target';

export interface LatencyOptions {
  /** The transport the diagnosis found working; the samples use it without falling back. */
  transport?: Transport;
  /** The era of the session the diagnosis used: 2026-07-28 samples time `server/discover`. */
  era?: Era;
  dial?: DialPolicy;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
}

// Only the time matters here; the diagnosis already judged the tools themselves.
const AnyResultSchema = z.looseObject({});

const MAX_ERRORS = 5;

/**
 * Times the MCP handshake (`initialize` and the `initialized` notification as a client connects;
 * `server/discover` in the 2026-07-28 era) and one `tools/list` page, `repeat` times in a row, each
 * in a new session. Runs through the same
 * recorder bounds and dial policy as the probe; the whole measurement shares the target's time
 * budget. Never throws for what the server does: failures are counted and their errors kept.
 */
export async function measureLatency(
  target: Target,
  repeat: number,
  options: LatencyOptions = {},
): Promise<Latency> {
  const limits: Limits = { ...LIMITS, ...options.limits };
  const transport = options.transport ?? 'streamable-http';
  const era = options.era ?? 'legacy';
  const signal = AbortSignal.any([
    AbortSignal.timeout(target.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ]);
  const redactor = targetRedactor(target);
  const headers = targetHeaders(target);
  const dialer = createDialer(options.dial ?? defaultDialPolicy(), limits.connectTimeoutMs);
  const url = new URL(target.url.href);
  url.hash = '';

  const initialize: number[] = [];
  const list: number[] = [];
  let initializeFailures = 0;
  let listFailures = 0;
  const errors: ProbeErrorData[] = [];
  const keep = (error: ProbeErrorData) => {
    const clean = { code: error.code, message: redactor.text(error.message) };
    if (errors.length < MAX_ERRORS && !errors.some((e) => e.message === clean.message))
      errors.push(clean);
  };

  try {
    for (let i = 0; i < repeat; i++) {
      if (signal.aborted) {
        keep(
          new ProbeError(
            ProbeErrorCode.Timeout,
            `stopped after ${i} of ${repeat} samples: the ${target.timeoutMs} ms budget ran out`,
          ).toData(),
        );
        break;
      }
      // A recorder per sample: nothing of a sample is kept once it is timed.
      const recorder = new Recorder({
        redactor,
        signal,
        bounds: limits,
        baseFetch: dialer.fetch,
        headers,
      });
      const started = performance.now();
      const handshake = { recorder, requestTimeoutMs: limits.requestTimeoutMs, signal };
      const { session, attempt } =
        era === 'modern'
          ? await openModernSession(url, handshake)
          : await openSession(url, transport, handshake);
      if (!session) {
        initializeFailures += 1;
        if (attempt.error) keep(attempt.error);
        continue;
      }
      initialize.push(performance.now() - started);
      try {
        const listStarted = performance.now();
        await session.request('tools/list', {}, AnyResultSchema);
        list.push(performance.now() - listStarted);
      } catch (error) {
        listFailures += 1;
        keep(asProbeError(error, `tools/list ${url.href}`));
      } finally {
        await session.close();
      }
    }
  } finally {
    await dialer.close();
  }

  return {
    repeat,
    transport,
    methods: [
      latencyStats(
        era === 'modern' ? 'server/discover' : 'initialize',
        initialize,
        initializeFailures,
      ),
      latencyStats('tools/list', list, listFailures),
    ],
    errors,
  };
}
