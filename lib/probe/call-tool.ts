import { z } from 'zod';
import type { Era, Exchange, Transport } from '@/lib/report/schema';
import type { WidgetCall } from '@/lib/report/schema-widgets';
import { createDialer, defaultDialPolicy, type DialPolicy } from './dialer';
import { ProbeError, ProbeErrorCode } from './errors';
import { LIMITS } from './limits';
import { asProbeError, openSession } from './mcp';
import { openModernSession } from './modern';
import { Recorder } from './recorder';
import { scrub } from './scrub';
import { targetHeaders, targetRedactor, type Target } from './target';

/** A tool result kept in the run: enough for any widget's data, not a way to fill memory. */
export const MAX_KEPT_RESULT_CHARS = 256 * 1024;

/** Deliberately loose: a malformed result is still what the widget would be given. */
const LooseCallResultSchema = z.looseObject({});

export interface CallOptions {
  dial?: DialPolicy;
  /** The whole call, session included. */
  timeoutMs?: number;
  /** The transport the run's session used. */
  transport?: Transport;
  /** The era of the run's session: a 2026-07-28-only server is called in that era. */
  era?: Era;
}

/**
 * "Call and render": one `tools/call` on a fresh session, recorded like every other exchange, with
 * the same bounds and redaction as the probe; every exchange of that session (initialize, the call,
 * the closing DELETE) is returned for the run's log. The caller decides whether the tool may be
 * called (only `readOnlyHint: true` tools are); this only dials.
 */
export async function callTool(
  target: Target,
  tool: string,
  args: Record<string, unknown>,
  options: CallOptions = {},
): Promise<{ call: Omit<WidgetCall, 'id'>; exchanges: Exchange[] }> {
  const startedAt = new Date().toISOString();
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(options.timeoutMs ?? 30_000)]);
  const redactor = targetRedactor(target);
  const headers = targetHeaders(target);
  const dialer = createDialer(options.dial ?? defaultDialPolicy(), LIMITS.connectTimeoutMs);
  const recorder = new Recorder({ redactor, signal, baseFetch: dialer.fetch, headers });
  recorder.step = 'tools';

  const url = new URL(target.url.href);
  url.hash = '';
  let result: unknown = null;
  let error: WidgetCall['error'] = null;
  const handshake = { recorder, requestTimeoutMs: LIMITS.requestTimeoutMs, signal };
  const { session, attempt } =
    options.era === 'modern'
      ? await openModernSession(url, handshake)
      : await openSession(url, options.transport ?? 'streamable-http', handshake);
  try {
    if (!session) {
      error = attempt.error ?? {
        code: ProbeErrorCode.Failed,
        message: `could not open an MCP session with ${url.href}`,
      };
    } else {
      try {
        result = await session.request(
          'tools/call',
          { name: tool, arguments: args },
          LooseCallResultSchema,
        );
      } catch (thrown) {
        error = asProbeError(thrown, `tools/call ${tool}`);
      }
    }
  } finally {
    await session?.close();
    stop.abort(new ProbeError(ProbeErrorCode.Aborted, 'closed by MCP Doctor after the call'));
    await dialer.close();
  }

  const kept = JSON.stringify(result ?? null).length <= MAX_KEPT_RESULT_CHARS ? result : null;
  if (kept === null && result !== null) {
    error ??= {
      code: ProbeErrorCode.BodyTooLarge,
      message: `the tools/call result is larger than ${MAX_KEPT_RESULT_CHARS} characters; see the raw log`,
    };
  }
  const exchanges = recorder.snapshot();
  return {
    call: {
      tool,
      arguments: scrub(args, redactor) as Record<string, unknown>,
      startedAt,
      durationMs: Math.round(recorder.now()),
      result: scrub(kept, redactor),
      error: error && { code: error.code, message: redactor.text(error.message) },
      exchangeIds: exchanges.map((x) => x.id),
    },
    exchanges,
  };
}
