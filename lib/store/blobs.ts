import { createHash } from 'node:crypto';
import type { Body, Exchange, Report } from '@/lib/report/schema';

/**
 * Exchange bodies over this size are stored once, by content: the same `tools/list` answer or
 * widget HTML recorded in a hundred runs of one endpoint takes the room of one.
 */
export const BLOB_THRESHOLD_BYTES = 1024;

/** A body as stored in a run's report: the content lives in `blobs` under its sha256. */
type StoredBody = Omit<Body, 'text' | 'events'> & { blob: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function out(body: Body | null, blobs: Map<string, string>): Body | StoredBody | null {
  if (!body) return body;
  const { text, events, ...rest } = body;
  const content = JSON.stringify({ text, ...(events ? { events } : {}) });
  if (Buffer.byteLength(content) <= BLOB_THRESHOLD_BYTES) return body;
  const hash = sha256(content);
  blobs.set(hash, content);
  return { ...rest, blob: hash };
}

/**
 * The report to store, with large exchange bodies replaced by `{ blob: <sha256> }`, and the blobs
 * to store beside it. The keys are set by this code, never by remote content: a body's text can
 * say anything, it cannot add a `blob` key.
 */
export function externalizeBodies(report: Report): {
  stored: unknown;
  blobs: Map<string, string>;
} {
  const blobs = new Map<string, string>();
  const exchanges = report.exchanges.map((x) => ({
    ...x,
    request: { ...x.request, body: out(x.request.body, blobs) },
    response: x.response ? { ...x.response, body: out(x.response.body, blobs) } : null,
  }));
  return { stored: { ...report, exchanges }, blobs };
}

type StoredExchange = Omit<Exchange, 'request' | 'response'> & {
  request: Omit<Exchange['request'], 'body'> & { body: Body | StoredBody | null };
  response:
    (Omit<NonNullable<Exchange['response']>, 'body'> & { body: Body | StoredBody | null }) | null;
};

const isStored = (body: Body | StoredBody | null): body is StoredBody =>
  body !== null && 'blob' in body;

/** The sha256 of every blob a stored report refers to. */
export function blobRefs(stored: { exchanges: StoredExchange[] }): string[] {
  const refs = new Set<string>();
  for (const x of stored.exchanges) {
    for (const body of [x.request.body, x.response?.body ?? null]) {
      if (isStored(body)) refs.add(body.blob);
    }
  }
  return [...refs];
}

/** Puts the bodies back; a blob that is missing (it never should be) reads as an empty body. */
export function restoreBodies(
  stored: { exchanges: StoredExchange[] } & Record<string, unknown>,
  blobs: ReadonlyMap<string, string>,
): unknown {
  const back = (body: Body | StoredBody | null): Body | null => {
    if (!isStored(body)) return body;
    const { blob, ...rest } = body;
    const content = blobs.get(blob);
    const parsed = content
      ? (JSON.parse(content) as Pick<Body, 'text' | 'events'>)
      : { text: '[body no longer stored]' };
    return { ...rest, ...parsed };
  };
  return {
    ...stored,
    exchanges: stored.exchanges.map((x) => ({
      ...x,
      request: { ...x.request, body: back(x.request.body) },
      response: x.response ? { ...x.response, body: back(x.response.body) } : null,
    })),
  };
}
