import { createParser } from 'eventsource-parser';
import type { SseEvent } from '@/lib/report/schema';

/** Splits a recorded `text/event-stream` body into its events (the spec's parsing rules, via eventsource-parser). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({
    onEvent: (e) =>
      events.push({ event: e.event ?? 'message', ...(e.id ? { id: e.id } : {}), data: e.data }),
  });
  parser.feed(text);
  return events;
}
