import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { StreamTiming } from '@/lib/report/schema';

/** Events whose arrival is kept at each end of a stream: enough to see a burst, never the whole stream. */
const KEPT_AT_EACH_END = 4;

/**
 * When an event stream's bytes and events arrive, for a recorded `text/event-stream` answer. The
 * events are told apart by the same parser that splits the kept body into events (the spec's
 * rules, via eventsource-parser), fed only the bytes the recorder keeps and bounded by its buffer
 * limit, so a hostile stream costs nothing more than its recording; a buffering proxy shows as
 * every event arriving together at the end.
 */
export class StreamClock {
  private firstByteMs: number | null = null;
  private lastByteMs: number | null = null;
  private count = 0;
  private readonly first: StreamTiming['events'] = [];
  private readonly last: StreamTiming['events'] = [];
  private readonly decoder = new TextDecoder();
  private readonly parser: EventSourceParser;
  private stopped = false;

  /** `elapsed` is the time since the request started; `maxBuffer` bounds a partial event held. */
  constructor(
    private readonly elapsed: () => number,
    maxBuffer: number,
  ) {
    this.parser = createParser({
      onEvent: () => this.event(),
      onError: (error) => {
        if (error.type === 'max-buffer-size-exceeded') this.stopped = true;
      },
      maxBufferSize: maxBuffer,
    });
  }

  /** Bytes arrived; `kept` is the part of them the recorder keeps (what the events are read from). */
  bytes(kept: Uint8Array | null): void {
    this.firstByteMs ??= this.elapsed();
    if (!kept || this.stopped) return;
    this.parser.feed(this.decoder.decode(kept, { stream: true }));
  }

  /** The body ended (not cancelled, not broken). */
  ended(): void {
    this.lastByteMs ??= this.elapsed();
  }

  timing(): StreamTiming {
    return {
      firstByteMs: this.firstByteMs,
      lastByteMs: this.lastByteMs,
      events: [...this.first, ...this.last],
      eventCount: this.count,
    };
  }

  private event(): void {
    const arrival = { index: this.count++, atMs: this.elapsed() };
    if (this.first.length < KEPT_AT_EACH_END) {
      this.first.push(arrival);
      return;
    }
    this.last.push(arrival);
    if (this.last.length > KEPT_AT_EACH_END) this.last.shift();
  }
}
