import { ProtocolError, SdkError, SdkHttpError } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport as SdkTransport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Era, HandshakeAttempt, ProbeErrorData, Transport } from '@/lib/report/schema';
import { ProbeError, ProbeErrorCode, describe, oneLine } from './errors';
import type { Recorder } from './recorder';
import { collapseRepeatedPrefix } from '@/lib/text/repeated-prefix';

export const CLIENT_INFO = { name: 'mcp-doctor', version: '0.1.0' } as const;

/** An open MCP session (or, in the 2026-07-28 era, a connection that needs none), bounded and closable. */
export interface Session {
  kind: Transport;
  era: Era;
  /** The `Mcp-Session-Id` the server issued on `initialize`; none in the 2026-07-28 era. */
  sessionId: string | null;
  /** Errors the transport raised outside a request (the optional GET stream, a broken SSE response). */
  transportErrors: ProbeErrorData[];
  request<T extends z.ZodType>(
    method: string,
    params: Record<string, unknown>,
    schema: T,
  ): Promise<z.infer<T>>;
  close(): Promise<void>;
}

export interface HandshakeOptions {
  recorder: Recorder;
  requestTimeoutMs: number;
  /** The run's signal: when it aborts, everything in flight stops. */
  signal: AbortSignal;
}

export function raceDeadline<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => ProbeError,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** What an SDK client's transport looks like to the guard: both SDK lines share this shape. */
interface GuardedTransport {
  onerror?: (error: Error) => void;
}

/**
 * The bounds every session needs whichever SDK opened it: the SDKs' own timeouts do not cover
 * everything (the legacy SSE transport waits for its `endpoint` event with none), so every await is
 * raced against a deadline, and a transport error aborts the request in flight instead of leaving it
 * to time out. Install before `connect`: the client chains its own error handler after this one.
 */
export function guardSession(transport: GuardedTransport, options: HandshakeOptions) {
  const { recorder, requestTimeoutMs, signal } = options;
  const transportErrors: ProbeErrorData[] = [];
  let inFlight: AbortController | null = null;
  // Errors raised while we end the session are of our making (after the DELETE, a stateful server
  // closes the GET stream and the SDK reports its failed reconnection): not the server's.
  let closing = false;
  transport.onerror = (error) => {
    if (closing) return;
    const data =
      error instanceof ProbeError
        ? error.toData()
        : { code: ProbeErrorCode.Failed, message: oneLine(describe(error), 300) };
    if (transportErrors.length < 20) transportErrors.push(data);
    if (error instanceof ProbeError) inFlight?.abort(error);
    else if (/SSE stream disconnected/.test(error.message)) {
      // The SDK passes on only the text of the read error; the recorder kept the typed one.
      inFlight?.abort(
        recorder.lastFailure() ?? new ProbeError(ProbeErrorCode.BadResponse, data.message),
      );
    }
  };

  const bounded = async <T>(
    doing: string,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    const controller = new AbortController();
    const mark = recorder.mark();
    inFlight = controller;
    const stop = () =>
      controller.abort(new ProbeError(ProbeErrorCode.Aborted, `${doing}: the run was stopped`));
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await raceDeadline(run(controller.signal), requestTimeoutMs, () => {
        const error = new ProbeError(
          ProbeErrorCode.Timeout,
          `${doing}: no answer in ${requestTimeoutMs} ms`,
        );
        recorder.failOpen(recorder.idsSince(mark), error);
        controller.abort(error);
        return error;
      });
    } catch (error) {
      // The SDK rejects an aborted request with McpError(-32001, String(reason)), which would turn
      // body-too-large or a TLS failure into a JSON-RPC error; the reason we aborted with is the cause.
      const reason: unknown = controller.signal.reason;
      throw controller.signal.aborted && reason instanceof ProbeError ? reason : error;
    } finally {
      signal.removeEventListener('abort', stop);
      inFlight = null;
    }
  };

  return {
    transportErrors,
    bounded,
    closing: () => {
      closing = true;
    },
  };
}

/** An attempt that failed before a session was open, in the shape the transcript keeps. */
export function failedAttempt(
  url: URL,
  kind: Transport,
  era: Era,
  recorder: Recorder,
  mark: number,
  error: ProbeErrorData,
): HandshakeAttempt {
  const exchangeIds = recorder.idsSince(mark);
  return {
    url: url.href,
    transport: kind,
    era,
    guessed: false,
    ok: false,
    status: recorder.firstStatus(exchangeIds),
    error,
    exchangeIds,
  };
}

/**
 * Opens a 2025-era session with one transport: `initialize` over Streamable HTTP, or the legacy
 * HTTP+SSE transport's `endpoint` event then `initialize`, through the v1 SDK client.
 */
export async function openSession(
  url: URL,
  kind: Transport,
  options: HandshakeOptions,
): Promise<{ session: Session | null; attempt: HandshakeAttempt }> {
  const { recorder, requestTimeoutMs } = options;
  const mark = recorder.mark();
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  const transport: SdkTransport =
    kind === 'streamable-http'
      ? new StreamableHTTPClientTransport(url, {
          fetch: recorder.fetchFor('legacy'),
          reconnectionOptions: {
            maxRetries: 0,
            initialReconnectionDelay: 1000,
            maxReconnectionDelay: 1000,
            reconnectionDelayGrowFactor: 1,
          },
        })
      : new SSEClientTransport(url, { fetch: recorder.fetchFor('legacy') });
  const guard = guardSession(transport, options);

  const close = async () => {
    guard.closing();
    // `client.close()` never sends the DELETE that ends a session; terminateSession does.
    if (transport instanceof StreamableHTTPClientTransport) {
      await raceDeadline(
        transport.terminateSession(),
        2_000,
        () => new ProbeError(ProbeErrorCode.Timeout, 'DELETE session'),
      ).catch(() => {});
    }
    await raceDeadline(
      client.close(),
      2_000,
      () => new ProbeError(ProbeErrorCode.Timeout, 'close'),
    ).catch(() => {});
  };

  const doing = `initialize ${url.href} (${kind === 'sse' ? 'legacy HTTP+SSE' : 'Streamable HTTP'})`;
  try {
    await guard.bounded(doing, (s) =>
      client.connect(transport, { signal: s, timeout: requestTimeoutMs }),
    );
  } catch (error) {
    await close();
    return {
      session: null,
      attempt: failedAttempt(url, kind, 'legacy', recorder, mark, asProbeError(error, doing)),
    };
  }

  const session: Session = {
    kind,
    era: 'legacy',
    sessionId: (transport as { sessionId?: string }).sessionId ?? null,
    transportErrors: guard.transportErrors,
    request: (method, params, schema) =>
      guard.bounded(`${method} ${url.href}`, (s) =>
        client.request({ method, params }, schema, { signal: s, timeout: requestTimeoutMs }),
      ),
    close,
  };
  return {
    session,
    attempt: {
      url: url.href,
      transport: kind,
      era: 'legacy',
      guessed: false,
      ok: true,
      status: null,
      error: null,
      exchangeIds: recorder.idsSince(mark),
    },
  };
}

/**
 * One line for a failed request, from either SDK line (v1 for the 2025 leg, v2 for 2026-07-28),
 * with the body the SDK embeds in its message cut short.
 */
export function asProbeError(error: unknown, doing: string): ProbeErrorData {
  if (error instanceof ProbeError) return error.toData();
  if (error instanceof StreamableHTTPError || error instanceof SdkHttpError) {
    const status = error instanceof SdkHttpError ? error.status : error.code;
    return {
      code: ProbeErrorCode.HttpStatus,
      message: oneLine(`${doing}: HTTP ${status ?? '?'} — ${error.message}`, 300),
    };
  }
  if (error instanceof ProtocolError) {
    return {
      code: ProbeErrorCode.JsonRpcError,
      message: oneLine(
        collapseRepeatedPrefix(`${doing}: JSON-RPC error ${error.code}: ${error.message}`),
        300,
      ),
    };
  }
  if (error instanceof z.ZodError) {
    return {
      code: ProbeErrorCode.BadResponse,
      message: oneLine(
        `${doing}: the answer is not valid: ${error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
        300,
      ),
    };
  }
  if (error instanceof McpError) {
    return {
      code: ProbeErrorCode.JsonRpcError,
      message: oneLine(
        collapseRepeatedPrefix(`${doing}: JSON-RPC error ${error.code}: ${error.message}`),
        300,
      ),
    };
  }
  if (error instanceof SdkError) {
    return { code: ProbeErrorCode.Failed, message: oneLine(`${doing}: ${error.message}`, 300) };
  }
  return { code: ProbeErrorCode.Failed, message: oneLine(`${doing}: ${describe(error)}`, 300) };
}

/** The statuses after which the spec's backwards-compatibility procedure tries the legacy SSE transport. */
export const SSE_FALLBACK_STATUSES = [400, 404, 405];
