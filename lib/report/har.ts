import type { Entry, Har, Header, PostData, QueryString } from 'har-format';
import type { Body, Exchange, HeaderList, Report } from './schema';

/** Who wrote the archive; HAR 1.2 `log.creator`. */
export interface HarCreator {
  name: string;
  version: string;
}

const PAGE_ID = 'run';

const headerList = (headers: HeaderList): Header[] =>
  headers.map(([name, value]) => ({ name, value }));

const headerValue = (headers: HeaderList, name: string): string | undefined =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

function queryString(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** The recorder keeps a bounded prefix of each body; say so where a HAR viewer shows it. */
function truncation(body: Body): { comment?: string } {
  return body.truncated
    ? {
        comment: `truncated: the first ${body.text.length} characters of ${body.bytes} bytes are kept`,
      }
    : {};
}

function postData(exchange: Exchange): PostData | undefined {
  const body = exchange.request.body;
  if (!body) return undefined;
  return {
    mimeType: headerValue(exchange.request.headers, 'content-type') ?? 'application/octet-stream',
    text: body.text,
    ...truncation(body),
  };
}

/** The response part of an entry; an exchange that got no answer shows as status 0, as browsers export it. */
function response(exchange: Exchange): Entry['response'] {
  const answer = exchange.response;
  if (!answer) {
    return {
      status: 0,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    };
  }
  const body = answer.body;
  // fetch decodes gzip/br; the recorder counts decoded bytes, so the wire size is unknown then.
  const encoded = headerValue(answer.headers, 'content-encoding') !== undefined;
  return {
    status: answer.status,
    statusText: answer.statusText,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headerList(answer.headers),
    content: {
      size: body?.bytes ?? 0,
      mimeType: headerValue(answer.headers, 'content-type') ?? 'x-unknown',
      ...(body ? { text: body.text, ...truncation(body) } : {}),
    },
    redirectURL: headerValue(answer.headers, 'location') ?? '',
    headersSize: -1,
    bodySize: encoded ? -1 : (body?.bytes ?? 0),
  };
}

function entry(exchange: Exchange, report: Report, start: number): Entry {
  const open = exchange.durationMs === null;
  // An exchange still open at the end (the optional SSE GET stream) lasted until the run closed it.
  const time = Math.max(
    0,
    open ? report.durationMs - exchange.startedAt : (exchange.durationMs ?? 0),
  );
  const data = postData(exchange);
  // An event stream's first byte is recorded: waiting ends there and the rest is receiving, so a
  // stream a proxy held back shows as a long wait and a short receive in any HAR viewer.
  const firstByte = exchange.response?.stream?.firstByteMs;
  const wait = typeof firstByte === 'number' && firstByte <= time ? firstByte : time;
  return {
    pageref: PAGE_ID,
    startedDateTime: new Date(start + exchange.startedAt).toISOString(),
    time,
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(exchange.request.headers),
      queryString: queryString(exchange.request.url),
      ...(data ? { postData: data } : {}),
      headersSize: -1,
      bodySize: exchange.request.body?.bytes ?? 0,
    },
    response: response(exchange),
    cache: {},
    // Otherwise the recorder measures each exchange as a whole, not its phases: all of it is counted
    // as waiting. Either way the phases add up to `time` as HAR 1.2 requires.
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive: time - wait },
    ...(open ? { comment: 'still open when the run ended' } : {}),
    _exchangeId: exchange.id,
    _step: exchange.step,
    ...(exchange.rpc ? { _rpc: exchange.rpc } : {}),
    ...(exchange.error ? { _error: exchange.error } : {}),
  };
}

/**
 * The run's exchanges as an HTTP Archive (HAR 1.2), for browser devtools, HAR viewers and bug
 * reports. Secrets were redacted when the exchanges were recorded. Fields HAR has no place for
 * (exchange id, probe step, JSON-RPC method, the error that ended an exchange) are `_`-prefixed
 * custom fields, which the format allows.
 */
export function toHar(report: Report, creator: HarCreator): Har {
  const start = Date.parse(report.startedAt);
  return {
    log: {
      version: '1.2',
      creator,
      pages: [
        {
          id: PAGE_ID,
          startedDateTime: new Date(start).toISOString(),
          title: `MCP Doctor: ${report.url}`,
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries: report.exchanges.map((exchange) => entry(exchange, report, start)),
      comment: 'Recorded by MCP Doctor; tokens, cookies and secrets are redacted.',
    },
  };
}
