import { ProbeErrorCode } from '@/lib/report/schema-base';
import type { FindingItem, Transcript } from '@/lib/report/schema';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { exchangesById, formatMs } from '../shared/exchanges';
import { givenAttempts } from '../shared/handshake';

/** Slower than this, ChatGPT users wait visibly; the connector may give up on a slow start. */
const WARN_MS = 3_000;
/** Slower than this is past common client deadlines (the probe's own request timeout is 10 s). */
const ERROR_MS = 10_000;

/** The probe's messages start with what was being done; make sure the step is named. */
const named = (step: string, message: string): string =>
  message.startsWith(step.split(' ')[0] ?? step) ? message : `${step}: ${message}`;

interface Timing {
  step: string;
  ms: number | null;
  timedOut: boolean;
  detail: string;
  exchangeId: string | null;
}

/**
 * How long initialize took: from its first POST until the client sent `notifications/initialized`,
 * which it does as soon as the result arrives (on legacy SSE, the result comes on the stream).
 */
function initializeTimings(t: Transcript): Timing[] {
  return givenAttempts(t).flatMap((attempt): Timing[] => {
    const exchanges = exchangesById(t, attempt.exchangeIds);
    const hops = exchanges.filter((x) => x.rpc?.method === 'initialize');
    const first = hops[0];
    const last = hops.at(-1);
    const timedOut = exchanges.find((x) => x.error?.code === ProbeErrorCode.Timeout);
    if (timedOut || attempt.error?.code === ProbeErrorCode.Timeout) {
      const message = (timedOut?.error ?? attempt.error)?.message ?? 'timed out';
      return [
        {
          step: 'initialize',
          ms: null,
          timedOut: true,
          detail: named('initialize', message),
          exchangeId: timedOut?.id ?? null,
        },
      ];
    }
    if (!first || !last?.response) return [];
    const initialized = exchanges.find((x) => x.rpc?.method === 'notifications/initialized');
    const ms = initialized ? initialized.startedAt - first.startedAt : last.durationMs;
    return ms === null
      ? []
      : [
          {
            step: 'initialize',
            ms,
            timedOut: false,
            detail: `initialize took ${formatMs(ms)}`,
            exchangeId: first.id,
          },
        ];
  });
}

/** How long `server/discover` took, the 2026-07-28 leg's first request. */
function discoverTimings(t: Transcript): Timing[] {
  const attempt = t.mcp?.attempts.find((a) => a.era === 'modern' && !a.guessed);
  const discover = exchangesById(t, attempt?.exchangeIds ?? []).find(
    (x) => x.rpc?.method === 'server/discover',
  );
  if (!discover || (!discover.response && discover.error?.code !== ProbeErrorCode.Timeout)) {
    return [];
  }
  const timedOut = discover.error?.code === ProbeErrorCode.Timeout;
  return [
    {
      step: 'server/discover',
      ms: timedOut ? null : discover.durationMs,
      timedOut,
      detail: timedOut
        ? named('server/discover', discover.error?.message ?? 'timed out')
        : `server/discover took ${formatMs(discover.durationMs ?? 0)}`,
      exchangeId: discover.id,
    },
  ];
}

function toolsTimings(t: Transcript): Timing[] {
  const pages = t.listing?.pages ?? [];
  return pages.map((page, i) => {
    const step = pages.length > 1 ? `tools/list page ${i + 1}` : 'tools/list';
    const timedOut = page.error?.code === ProbeErrorCode.Timeout;
    return {
      step,
      ms: page.durationMs,
      timedOut,
      detail: timedOut
        ? named(step, page.error?.message ?? 'timed out')
        : `${step} took ${formatMs(page.durationMs)}`,
      exchangeId: page.exchangeId,
    };
  });
}

/** ChatGPT waits on initialize and tools/list before it can offer any tool; slow ones time out. */
export default defineCheck({
  id: 'connection.latency',
  area: 'connection',
  severity: 'warning',
  title: 'The handshake and tools/list answer quickly',
  failureTitle: 'The handshake or tools/list is slow',
  fix: 'Answer initialize and tools/list from memory: do no network calls, database queries or cold starts in them (keep serverless instances warm), and move slow work into the tools themselves.',
  docs: 'https://developers.openai.com/apps-sdk/deploy/troubleshooting',
  codes: ['timeout', 'very-slow', 'slow'],
  run(t) {
    const timings = [...discoverTimings(t), ...initializeTimings(t), ...toolsTimings(t)];
    if (timings.length === 0) return blockedByHandshake(t, 'initialize got no HTTP answer to time');
    const slow = timings.filter((x) => x.timedOut || (x.ms !== null && x.ms >= WARN_MS));
    if (slow.length === 0) {
      return pass(
        timings.map((x) => `${x.step} ${x.ms === null ? '?' : formatMs(x.ms)}`).join(', '),
      );
    }
    const timeouts = slow.filter((x) => x.timedOut);
    const verySlow = slow.filter((x) => x.ms !== null && x.ms >= ERROR_MS);
    const worst =
      timeouts[0] ?? verySlow[0] ?? slow.reduce((a, b) => ((b.ms ?? 0) > (a.ms ?? 0) ? b : a));
    const more = slow.length > 1 ? ` (+${slow.length - 1} more)` : '';
    const items: FindingItem[] = slow.map((x) => ({
      subject: x.step,
      detail: x.detail,
      ...(x.exchangeId ? { evidence: [x.exchangeId] } : {}),
    }));
    return {
      status: 'fail',
      code: timeouts.length ? 'timeout' : verySlow.length ? 'very-slow' : 'slow',
      severity: timeouts.length || verySlow.length ? 'error' : 'warning',
      message: `${worst.detail}${more}.`,
      evidence: slow.flatMap((x) => (x.exchangeId ? [x.exchangeId] : [])),
      items,
    };
  },
});
