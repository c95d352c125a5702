import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Body, Era, Exchange, HeaderList, StepId } from '@/lib/report/schema';
import { ProbeError, ProbeErrorCode, toProbeError } from './errors';
import { LIMITS, type Limits } from './limits';
import type { Redactor } from './redact';
import { parseSse } from './sse';
import { StreamClock } from './stream-clock';

type Bounds = Pick<Limits, 'requestTimeoutMs' | 'maxBodyBytes' | 'keptBodyBytes' | 'keptSseEvents'>;

export interface RecorderOptions {
  redactor: Redactor;
  /** Aborted when the run ends or runs out of time; stops every exchange still open. */
  signal: AbortSignal;
  bounds?: Partial<Bounds>;
  /** The fetch that really dials (the SSRF guard plugs in here). */
  baseFetch?: typeof fetch;
  /** Headers added to every request (the user's extra headers and bearer token). */
  headers?: Record<string, string>;
}

/** An exchange while it is still being written: bodies as raw bytes until the snapshot. */
interface OpenExchange {
  id: string;
  step: StepId;
  era?: Era;
  startedAt: number;
  durationMs: number | null;
  rpc: Exchange['rpc'];
  method: string;
  url: string;
  requestHeaders: HeaderList;
  requestBody: string | null;
  response: { status: number; statusText: string; headers: HeaderList } | null;
  responseBody: { chunks: Uint8Array[]; kept: number; bytes: number; done: boolean } | null;
  /** For event streams: when the bytes and events arrived. */
  clock: StreamClock | null;
  error: ProbeError | null;
}

/** How long a cancelled body is still read for the log. */
const DRAIN_MS = 1_000;

/**
 * Bytes read past the display bound, never shown: enough to see whole a secret that straddles the
 * cut (a token is at most 8,192 characters), so that the redactor drops it rather than keeping
 * its start.
 */
const SECRET_MARGIN_BYTES = 16 * 1024;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The one fetch every part of the probe uses (SDK transports, OAuth discovery, resource fetches).
 * It records each exchange — request, status, headers, a bounded copy of the body, timing, error —
 * and enforces the bounds: a per-request timeout, a cap on bytes read, and the run's own abort.
 */
export class Recorder {
  step: StepId = 'initialize';
  private readonly open: OpenExchange[] = [];
  private readonly t0 = performance.now();
  private readonly bounds: Bounds;

  constructor(private readonly options: RecorderOptions) {
    this.bounds = { ...LIMITS, ...options.bounds };
  }

  /** ms since the recorder was created (the run's clock). */
  now(): number {
    return Math.round((performance.now() - this.t0) * 10) / 10;
  }

  /** Position to pass to `idsSince` to learn which exchanges a block of work made. */
  mark(): number {
    return this.open.length;
  }

  idsSince(mark: number): string[] {
    return this.open.slice(mark).map((x) => x.id);
  }

  /** The HTTP status of the first of these exchanges that got an answer. */
  firstStatus(ids: readonly string[]): number | null {
    const wanted = new Set(ids);
    return this.open.find((x) => wanted.has(x.id) && x.response)?.response?.status ?? null;
  }

  lastId(): string | null {
    return this.open.at(-1)?.id ?? null;
  }

  readonly fetch: FetchLike = (input, init) => this.send(input, init, true);

  /** The fetch of one era's MCP client: its exchanges say which era they were made in. */
  fetchFor(era: Era): FetchLike {
    return (input, init) => this.send(input, init, true, era);
  }

  /** For third-party origins (a widget's assets): recorded the same, but the user's headers and token are not sent there. */
  readonly fetchAnonymous: FetchLike = (input, init) => this.send(input, init, false);

  /**
   * Anonymous, through another dialling function than the run's: for requests Node's fetch cannot
   * make (a foreign `Host` header). Recorded and bounded like every other exchange.
   */
  fetchVia(base: typeof fetch, era?: Era): FetchLike {
    return (input, init) => this.send(input, init, false, era, base);
  }

  /** Anonymous, and labelled with the era its request belongs to. */
  fetchAnonymousFor(era: Era): FetchLike {
    return (input, init) => this.send(input, init, false, era);
  }

  private readonly send = async (
    input: string | URL,
    init: RequestInit | undefined,
    withUserHeaders: boolean,
    era?: Era,
    via?: typeof fetch,
  ): Promise<Response> => {
    const url = input instanceof URL ? input.href : String(input);
    const headers = new Headers(withUserHeaders ? this.options.headers : undefined);
    new Headers(init?.headers).forEach((value, key) => headers.set(key, value));
    const method = (init?.method ?? 'GET').toUpperCase();
    const requestBody = bodyText(init?.body);
    const exchange: OpenExchange = {
      id: `x${this.open.length + 1}`,
      step: this.step,
      ...(era ? { era } : {}),
      startedAt: this.now(),
      durationMs: null,
      rpc: rpcOf(requestBody),
      method,
      url,
      requestHeaders: [...headers],
      requestBody,
      response: null,
      responseBody: null,
      clock: null,
      error: null,
    };
    this.open.push(exchange);

    // A stream the client holds open (the SSE GET) lives as long as the run; anything else gets
    // the per-request bound, which also covers reading the body.
    const streaming = method === 'GET' && /text\/event-stream/.test(headers.get('accept') ?? '');
    const signals = [this.options.signal];
    if (init?.signal) signals.push(init.signal);
    if (!streaming) signals.push(AbortSignal.timeout(this.bounds.requestTimeoutMs));
    const signal = AbortSignal.any(signals);
    const doing = `${method} ${url}`;

    let response: Response;
    try {
      const baseFetch = via ?? this.options.baseFetch ?? fetch;
      response = await baseFetch(url, {
        ...init,
        method,
        headers,
        signal,
        redirect: init?.redirect,
      });
    } catch (error) {
      throw this.fail(exchange, toProbeError(abortReason(signal) ?? error, doing));
    }
    exchange.response = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    };
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) {
      exchange.durationMs = this.now() - exchange.startedAt;
      return rebuild(response, null);
    }
    return rebuild(response, this.tap(exchange, response.body, signal, doing));
  };

  /** A pass-through stream (not `tee()`, which buffers for the slower branch) that keeps a bounded copy. */
  private tap(
    exchange: OpenExchange,
    source: ReadableStream<Uint8Array>,
    signal: AbortSignal,
    doing: string,
  ): ReadableStream<Uint8Array> {
    const body = { chunks: [] as Uint8Array[], kept: 0, bytes: 0, done: false };
    exchange.responseBody = body;
    const capture = this.bounds.keptBodyBytes + SECRET_MARGIN_BYTES;
    const eventStream = /text\/event-stream/i.test(
      exchange.response?.headers.find(([k]) => k === 'content-type')?.[1] ?? '',
    );
    const clock = eventStream
      ? new StreamClock(() => Math.round((this.now() - exchange.startedAt) * 10) / 10, capture)
      : null;
    exchange.clock = clock;
    const reader = source.getReader();
    // The consumer may cancel while a pull is waiting on a read (the SDK cancels the bodies of 202
    // and 405 answers): the stream is then already closed, and that read's outcome is not an error.
    let cancelled = false;
    const finish = () => {
      body.done = true;
      exchange.durationMs ??= this.now() - exchange.startedAt;
    };
    const keep = (value: Uint8Array) => {
      body.bytes += value.byteLength;
      let slice: Uint8Array | null = null;
      if (body.kept < capture) {
        slice = value.subarray(0, capture - body.kept);
        body.chunks.push(slice.slice());
        body.kept += slice.byteLength;
      }
      if (value.byteLength > 0) clock?.bytes(slice);
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const { done, value } = await reader.read();
          if (value) keep(value);
          if (cancelled) return;
          if (done) {
            clock?.ended();
            finish();
            controller.close();
            return;
          }
          if (body.bytes > this.bounds.maxBodyBytes) {
            const error = new ProbeError(
              ProbeErrorCode.BodyTooLarge,
              `${doing}: response body exceeded ${this.bounds.maxBodyBytes} bytes; reading stopped`,
            );
            void reader.cancel(error).catch(() => {});
            controller.error(this.fail(exchange, error));
            return;
          }
          controller.enqueue(value);
        } catch (error) {
          if (cancelled) return;
          controller.error(this.fail(exchange, toProbeError(abortReason(signal) ?? error, doing)));
        }
      },
      cancel: (reason) => {
        cancelled = true;
        // The SDK cancels bodies it does not want (an HTML page, a 202): keep reading, up to the
        // display bound and briefly, so the log shows what the server actually sent.
        void this.drain(reader, body, keep, () => clock?.ended()).finally(() => {
          finish();
          void reader.cancel(reason).catch(() => {});
        });
      },
    });
  }

  private async drain(
    reader: ReadableStreamDefaultReader<Uint8Array>,
    body: { kept: number },
    keep: (value: Uint8Array) => void,
    ended: () => void,
  ): Promise<void> {
    const deadline = AbortSignal.timeout(DRAIN_MS);
    const stopped = new Promise<void>((resolve) =>
      deadline.addEventListener('abort', () => resolve(), { once: true }),
    );
    try {
      while (body.kept < this.bounds.keptBodyBytes + SECRET_MARGIN_BYTES && !deadline.aborted) {
        const next = await Promise.race([reader.read(), stopped.then(() => null)]);
        if (next?.done) ended();
        if (!next || next.done) return;
        keep(next.value);
      }
    } catch {
      // The stream broke while draining: what was kept is what there is.
    }
  }

  /**
   * The error of the exchange that failed last. The SDK reports a broken response stream only as a
   * string ("SSE stream disconnected: …"); this recovers the typed error (body-too-large, reset…).
   */
  lastFailure(): ProbeError | null {
    return this.lastError;
  }

  private lastError: ProbeError | null = null;

  /**
   * Records `error` on those of these exchanges still waiting for an answer or for the end of its
   * body. Called when a request's deadline passes: the fetch itself is only aborted later, when the
   * transport closes, and would otherwise be recorded as a bare "aborted".
   */
  failOpen(ids: readonly string[], error: ProbeError): void {
    const wanted = new Set(ids);
    for (const exchange of this.open) {
      if (wanted.has(exchange.id) && exchange.durationMs === null) this.fail(exchange, error);
    }
  }

  private fail(exchange: OpenExchange, error: ProbeError): ProbeError {
    this.lastError = error;
    exchange.error ??= error;
    exchange.durationMs ??= this.now() - exchange.startedAt;
    if (exchange.responseBody) exchange.responseBody.done = true;
    return error;
  }

  /** The exchanges as plain, redacted, bounded data. Exchanges still open are shown as they stand. */
  snapshot(): Exchange[] {
    const { redactor } = this.options;
    return this.open.map((x) => {
      const responseType = x.response?.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
      return {
        id: x.id,
        step: x.step,
        ...(x.era ? { era: x.era } : {}),
        startedAt: x.startedAt,
        durationMs: x.durationMs,
        ...(x.rpc ? { rpc: x.rpc } : {}),
        request: {
          method: x.method,
          url: redactor.url(x.url),
          headers: redactor.headers(x.requestHeaders),
          body:
            x.requestBody === null
              ? null
              : this.body(x.requestBody, new TextEncoder().encode(x.requestBody).byteLength, ''),
        },
        response: x.response && {
          status: x.response.status,
          statusText: x.response.statusText,
          headers: redactor.headers(x.response.headers),
          body:
            x.responseBody &&
            this.body(decode(x.responseBody.chunks), x.responseBody.bytes, responseType),
          ...(x.clock ? { stream: x.clock.timing() } : {}),
        },
        error: x.error && { code: x.error.code, message: redactor.text(x.error.message) },
      };
    });
  }

  private body(raw: string, bytes: number, contentType: string): Body {
    const { keptBodyBytes, keptSseEvents } = this.bounds;
    const text = this.options.redactor.cut(raw, keptBodyBytes);
    const body: Body = { text, bytes, truncated: bytes > keptBodyBytes };
    if (/text\/event-stream/i.test(contentType))
      body.events = parseSse(text).slice(0, keptSseEvents);
    return body;
  }
}

function rebuild(response: Response, body: ReadableStream<Uint8Array> | null): Response {
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `url` is read-only on a constructed Response; the SDK reads it to resolve relative endpoints.
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.aborted ? signal.reason : undefined;
}

function bodyText(body: RequestInit['body'] | undefined): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return '[binary body]';
}

function decode(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
}

function rpcOf(body: string | null): Exchange['rpc'] {
  if (!body || (!body.startsWith('{') && !body.startsWith('['))) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const message = Array.isArray(parsed) ? parsed[0] : parsed;
    if (message && typeof message === 'object' && typeof message.method === 'string') {
      const id = message.id;
      return typeof id === 'string' || typeof id === 'number'
        ? { method: message.method, id }
        : { method: message.method };
    }
  } catch {
    // Not JSON: recorded as text, judged by the checks.
  }
  return undefined;
}
