import type { Body, HeaderList } from '@/lib/report/schema';
import { CodeBlock } from '@/components/ui/code-block';
import { formatBytes, prettyJson } from '@/components/ui/format';

/** A recorded body: SSE events one by one, JSON pretty-printed, anything else verbatim. */
export function BodyView({
  body,
  headers,
  label,
}: {
  body: Body | null;
  headers: HeaderList;
  label: string;
}) {
  if (body === null || (body.bytes === 0 && body.text === '')) {
    return <p className="text-xs italic text-slate-500">No body</p>;
  }
  const kept = new TextEncoder().encode(body.text).byteLength;
  return (
    <div className="space-y-2">
      {body.truncated ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Showing first {formatBytes(kept)} of {formatBytes(body.bytes)}.
        </p>
      ) : null}
      {body.events ? (
        <SseEvents events={body.events} label={label} />
      ) : (
        <TextBody text={body.text} headers={headers} label={label} />
      )}
    </div>
  );
}

function TextBody({ text, headers, label }: { text: string; headers: HeaderList; label: string }) {
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const looksJson = /json/i.test(contentType) || contentType === '';
  return <CodeBlock label={label}>{(looksJson ? prettyJson(text) : null) ?? text}</CodeBlock>;
}

function SseEvents({ events, label }: { events: NonNullable<Body['events']>; label: string }) {
  if (events.length === 0)
    return <p className="text-xs italic text-slate-500">Event stream with no events</p>;
  return (
    <ol aria-label={`${label}: ${events.length} server-sent events`} className="space-y-2">
      {events.map((event, index) => (
        <li key={index} className="rounded-md border border-slate-200">
          <p className="flex flex-wrap gap-x-3 border-b border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-600">
            <span>#{index + 1}</span>
            <span>
              event: <span className="text-slate-900">{event.event}</span>
            </span>
            {event.id !== undefined ? (
              <span>
                id: <span className="text-slate-900">{event.id}</span>
              </span>
            ) : null}
          </p>
          <div className="p-1">
            <CodeBlock>{prettyJson(event.data) ?? event.data}</CodeBlock>
          </div>
        </li>
      ))}
    </ol>
  );
}
