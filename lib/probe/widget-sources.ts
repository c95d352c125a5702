import type { WidgetAsset, WidgetSource, WidgetsProbe } from '@/lib/report/schema-widgets';
import { toProbeError } from './errors';
import type { Recorder } from './recorder';

/** Bounds on reading the templates' scripts and stylesheets: a bundle may be megabytes. */
export const SOURCE_LIMITS = {
  /** Distinct script and stylesheet URLs read across all templates. */
  maxSources: 20,
  /** Bytes read of one source; and of all of them together. */
  bytesPerSource: 512 * 1024,
  totalBytes: 2 * 1024 * 1024,
  timeoutMs: 5_000,
  phaseMs: 15_000,
} as const;

const KIND: Partial<Record<WidgetAsset['kind'], WidgetSource['kind']>> = {
  script: 'script',
  style: 'style',
};

/**
 * Reads the body of every external script and stylesheet the templates load, for the CSP
 * coverage check. Only assets the asset check already asked and that answered 2xx are read, so
 * the address rules are the same (loopback and public hosts, never other private addresses) and
 * no new host is dialled. GET without the user's headers or token, redirects not followed, at most
 * `bytesPerSource` read: the rest is cancelled.
 */
export async function readSources(
  probe: WidgetsProbe,
  recorder: Recorder,
  signal: AbortSignal,
): Promise<WidgetSource[]> {
  const wanted = new Map<string, { asset: WidgetAsset; kind: WidgetSource['kind'] }>();
  for (const widget of probe.widgets)
    for (const asset of widget.assets) {
      const kind = KIND[asset.kind];
      if (kind && asset.url && /^https?:/.test(asset.url) && !wanted.has(asset.url))
        wanted.set(asset.url, { asset, kind });
    }
  const phase = AbortSignal.any([signal, AbortSignal.timeout(SOURCE_LIMITS.phaseMs)]);
  let budget = SOURCE_LIMITS.totalBytes;
  const out: WidgetSource[] = [];
  for (const [url, { asset, kind }] of wanted) {
    const base: WidgetSource = {
      url,
      kind,
      text: null,
      bytes: 0,
      truncated: false,
      status: null,
      exchangeIds: [],
      error: null,
      skipped: null,
    };
    const status = asset.fetch?.status ?? null;
    if (!asset.fetch || status === null || status < 200 || status >= 300)
      out.push({
        ...base,
        skipped:
          asset.skipped ?? `not read: the asset did not answer 2xx (see widgets.assets-reachable)`,
      });
    else if (out.filter((s) => s.skipped === null).length >= SOURCE_LIMITS.maxSources)
      out.push({ ...base, skipped: `not read: more than ${SOURCE_LIMITS.maxSources} sources` });
    else if (budget <= 0 || phase.aborted)
      out.push({ ...base, skipped: 'not read: the sources’ byte or time budget ran out' });
    else {
      const source = await readOne(
        base,
        recorder,
        phase,
        Math.min(budget, SOURCE_LIMITS.bytesPerSource),
      );
      budget -= source.bytes;
      out.push(source);
    }
  }
  return out;
}

async function readOne(
  source: WidgetSource,
  recorder: Recorder,
  phase: AbortSignal,
  limit: number,
): Promise<WidgetSource> {
  const mark = recorder.mark();
  const signal = AbortSignal.any([phase, AbortSignal.timeout(SOURCE_LIMITS.timeoutMs)]);
  try {
    const response = await recorder.fetchAnonymous(source.url, {
      method: 'GET',
      redirect: 'manual',
      signal,
    });
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    let truncated = false;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limit - bytes;
      chunks.push(value.subarray(0, room));
      bytes += Math.min(value.byteLength, room);
      if (value.byteLength > room) {
        truncated = true;
        await reader.cancel().catch(() => {});
        break;
      }
    }
    const ok = response.status >= 200 && response.status < 300;
    return {
      ...source,
      status: response.status,
      text: ok ? new TextDecoder().decode(Buffer.concat(chunks)) : null,
      bytes,
      truncated,
      exchangeIds: recorder.idsSince(mark),
    };
  } catch (error) {
    return {
      ...source,
      exchangeIds: recorder.idsSince(mark),
      error: toProbeError(error, `GET ${source.url}`).toData(),
    };
  }
}
