import type { Exchange } from '@/lib/report/schema';
import { plural } from '@/lib/text/plural';
import { defineCheck, notApplicable, pass } from '../define';
import { formatMs, mediaType, responseHeader } from '../shared/exchanges';
import { mcpRequests } from '../shared/handshake';
import { listLabels } from '../shared/tool-entries';

/** Shorter streams say nothing about buffering: everything arrives at once anyway. */
export const MIN_STREAM_MS = 500;
/** All events inside the last tenth of the stream's life: delivered together at its end. */
const BURST_SHARE = 0.1;

interface Burst {
  exchange: Exchange;
  count: number;
  firstMs: number;
  lastMs: number;
  /** The first event was the priming event (an id and empty data), which servers send at once. */
  primed: boolean;
}

/** An event stream whose events all arrived together, at the end of a stream that lasted a while. */
function burst(exchange: Exchange): Burst | null {
  const stream = exchange.response?.stream;
  const first = stream?.events[0];
  const last = stream?.events.at(-1);
  if (!stream || !first || !last || stream.eventCount < 2) return null;
  if (last.atMs < MIN_STREAM_MS || last.atMs - first.atMs > BURST_SHARE * last.atMs) return null;
  const opening = exchange.response?.body?.events?.[0];
  return {
    exchange,
    count: stream.eventCount,
    firstMs: first.atMs,
    lastMs: last.atMs,
    primed: opening !== undefined && opening.data === '' && opening.id !== undefined,
  };
}

const compression = (x: Exchange): string | null => {
  const encoding = responseHeader(x, 'content-encoding')?.trim().toLowerCase();
  return encoding && encoding !== 'identity' ? encoding : null;
};

const label = (x: Exchange): string => x.rpc?.method ?? `${x.request.method} ${x.request.url}`;

/**
 * Streams that arrive late: for every event stream the probe read, when its first byte and its
 * events arrived. A proxy that buffers (nginx by default, a compressing middleware) delivers all
 * the events at once when the response is complete, so progress never shows and a long tool call
 * looks hung. connection.sse-buffering says whether the server asks proxies not to buffer; this
 * check says whether events did arrive late, and notes compression, which buffers unless each event
 * is flushed (expressjs/compression, "Server-Sent Events": https://github.com/expressjs/compression#server-sent-events).
 */
export default defineCheck({
  id: 'connection.sse-timing',
  area: 'connection',
  severity: 'warning',
  title: 'Event streams arrive as the server sends them',
  failureTitle: 'Event streams arrive late, all at once',
  fix: 'Turn response buffering off for the MCP path in every proxy on the way (nginx: proxy_buffering off, or X-Accel-Buffering: no from the server) and do not compress text/event-stream, so each event reaches the client when it is sent.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server',
  codes: ['buffered', 'compressed'],
  run(t) {
    const streams = mcpRequests(t).filter(
      (x) => x.request.method === 'POST' && mediaType(x) === 'text/event-stream',
    );
    if (streams.length === 0) {
      return notApplicable('skipped: the server answered no request with an event stream');
    }
    const timed = streams.filter((x) => x.response?.stream);
    const compressed = streams.filter((x) => compression(x) !== null);
    const bursts = timed.flatMap((x) => burst(x) ?? []);
    const first = bursts[0];
    if (first) {
      const encoding = compression(first.exchange);
      return {
        status: 'fail',
        code: 'buffered',
        message: `${bursts.length} of ${plural(streams.length, 'event stream')} arrived all at once at the end: ${label(first.exchange)} sent ${first.count} events, the first after ${formatMs(first.firstMs)} and the last after ${formatMs(first.lastMs)}${first.primed ? ', the priming event (which a server sends at once) among them' : ''}${encoding ? `, compressed with ${encoding}` : ''}. A proxy on the way holds the stream back, or the server writes it only when complete.`,
        evidence: bursts.map((b) => b.exchange.id),
        items: bursts.map((b) => ({
          subject: label(b.exchange),
          detail: `${b.count} events between ${formatMs(b.firstMs)} and ${formatMs(b.lastMs)}`,
          evidence: [b.exchange.id],
        })),
      };
    }
    const encoded = compressed[0];
    if (encoded) {
      return {
        status: 'fail',
        code: 'compressed',
        severity: 'info',
        message: `${compressed.length} of ${plural(streams.length, 'event stream')} (${listLabels(compressed.map(label))}) are compressed (content-encoding: ${compression(encoded)}): compression holds events back until its buffer fills, unless each event is flushed.`,
        fix: 'Leave text/event-stream uncompressed (exclude it in the compression middleware or the proxy), or flush the compressor after every event.',
        evidence: compressed.map((x) => x.id),
      };
    }
    if (timed.length === 0) {
      return notApplicable('skipped: the event streams were recorded without their timing');
    }
    const firstByte = Math.max(...timed.map((x) => x.response?.stream?.firstByteMs ?? 0));
    const lastEvent = Math.max(...timed.map((x) => x.response?.stream?.events.at(-1)?.atMs ?? 0));
    return pass(
      `${plural(timed.length, 'event stream')}: first byte within ${formatMs(firstByte)}, last event within ${formatMs(lastEvent)}, none held back`,
    );
  },
});
