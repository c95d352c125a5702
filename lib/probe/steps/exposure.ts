import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
} from '@modelcontextprotocol/client';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { addressScope } from '@/lib/net/address';
import type { Era } from '@/lib/report/schema';
import {
  OPENING_METHOD,
  type ExposureAttempt,
  type ExposureProbe,
} from '@/lib/report/schema-exposure';
import { ok, skipped, type ProbeStep } from '../context';
import { toProbeError } from '../errors';
import { hostRequest } from '../host-request';
import { CLIENT_INFO } from '../mcp';
import { MODERN_VERSION } from '../modern';
import type { Recorder } from '../recorder';

/** A name that never resolves (RFC 2606 `.invalid`): what a rebinding page's requests carry. */
export const FOREIGN_HOST = 'rebinding.mcp-doctor.invalid';

/** The address scopes a web page can only reach through the user's browser. */
const LOCAL = new Set(['loopback', 'private', 'unique-local', 'link-local', 'cgnat']);

const EXPOSURE_TIMEOUT_MS = 5_000;

/** The request each era opens with, as a client sends it; a web page would send the same. */
const OPENING: Record<Era, { headers: Record<string, string>; params: unknown }> = {
  legacy: {
    headers: {},
    params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: CLIENT_INFO },
  },
  modern: {
    headers: { 'mcp-protocol-version': MODERN_VERSION, 'mcp-method': OPENING_METHOD.modern },
    params: {
      _meta: {
        [PROTOCOL_VERSION_META_KEY]: MODERN_VERSION,
        [CLIENT_INFO_META_KEY]: CLIENT_INFO,
        [CLIENT_CAPABILITIES_META_KEY]: {},
      },
    },
  },
};

/**
 * Local-server exposure: a web page the user visits can send requests to a server on their
 * machine or network — directly (with its own Origin) or through DNS rebinding (its own name in
 * Host, resolving to the local address). On a loopback or private target only, and to the same
 * URL only, two anonymous requests opening the era that worked (`initialize`; `server/discover`
 * when only 2026-07-28 did): one with a foreign Origin, one with a foreign Host and Origin. A
 * session either opens is ended. Public targets are skipped: no browser is needed to reach them,
 * and their Host is the CDN's or proxy's business.
 */
export const exposureStep: ProbeStep = {
  id: 'exposure',
  async run({ url, transcript, recorder, dial }) {
    const address = transcript.tcp?.address ?? null;
    const scope = address ? addressScope(address) : null;
    if (!address || !scope) return skipped('skipped: no connection was made to the target');
    if (!LOCAL.has(scope))
      return skipped(`skipped: the target is on a ${scope} address, not a local one`);
    if (dial.blockPrivate) return skipped('skipped: private targets are refused here');
    const opened = (era: Era) =>
      transcript.mcp?.attempts.some((a) => !a.guessed && a.ok && a.era === era);
    const era: Era | null = opened('legacy') ? 'legacy' : opened('modern') ? 'modern' : null;
    if (!era)
      return skipped(
        'skipped: neither the 2025 initialize nor the 2026-07-28 server/discover succeeded with the real Host and no Origin',
      );
    const port = url.port ? `:${url.port}` : '';
    const foreignOrigin = `http://${FOREIGN_HOST}${port}`;
    const exposure: ExposureProbe = { scope, address, era, attempts: [] };
    transcript.exposure = exposure;
    // At once: on a slow server the step then costs one request's time, not two.
    exposure.attempts.push(
      ...(await Promise.all([
        send(recorder, url, era, 'origin', url.host, foreignOrigin),
        send(recorder, url, era, 'host', `${FOREIGN_HOST}${port}`, foreignOrigin),
      ])),
    );
    const said = (a: ExposureAttempt) =>
      `${a.kind === 'origin' ? 'foreign Origin' : 'foreign Host'}: ${a.status === null ? 'no answer' : `HTTP ${a.status}`}`;
    return ok(
      `${scope} target ${address}, ${OPENING_METHOD[era]}: ${exposure.attempts.map(said).join('; ')}`,
    );
  },
};

async function send(
  recorder: Recorder,
  url: URL,
  era: Era,
  kind: ExposureAttempt['kind'],
  host: string,
  origin: string,
): Promise<ExposureAttempt> {
  const fetch =
    kind === 'host' ? recorder.fetchVia(hostRequest, era) : recorder.fetchAnonymousFor(era);
  const opening = OPENING[era];
  const method = OPENING_METHOD[era];
  const headers: Record<string, string> = {
    origin,
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...opening.headers,
    ...(kind === 'host' ? { host } : {}),
  };
  const attempt: ExposureAttempt = {
    kind,
    host,
    origin,
    exchangeId: null,
    status: null,
    accepted: false,
    error: null,
  };
  try {
    const pending = fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 0, method, params: opening.params }),
      signal: AbortSignal.timeout(EXPOSURE_TIMEOUT_MS),
    });
    // The recorder opens the exchange before its first await: this one is the last opened.
    attempt.exchangeId = recorder.lastId();
    const response = await pending;
    attempt.status = response.status;
    attempt.accepted = response.ok;
    // Read (bounded by the recorder) so the raw log shows the answer; a stream may stay open.
    if (/text\/event-stream/i.test(response.headers.get('content-type') ?? ''))
      await response.body?.cancel().catch(() => {});
    else await response.text().catch(() => '');
    const sessionId = response.headers.get('mcp-session-id');
    if (response.ok && sessionId)
      await recorder
        .fetchAnonymous(url, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })
        .then((r) => r.body?.cancel())
        .catch(() => {});
  } catch (error) {
    attempt.error = toProbeError(
      error,
      `POST ${url.href} (${kind === 'host' ? 'foreign Host' : 'foreign Origin'})`,
    ).toData();
  }
  return attempt;
}
