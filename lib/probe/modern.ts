import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { z } from 'zod';
import type { HandshakeAttempt } from '@/lib/report/schema';
import { ProbeError, ProbeErrorCode } from './errors';
import { CLIENT_INFO, asProbeError, failedAttempt, guardSession, raceDeadline } from './mcp';
import type { HandshakeOptions, Session } from './mcp';

/** The revision the modern leg speaks; the v2 SDK pins the connection to it. */
export const MODERN_VERSION = '2026-07-28';

/**
 * The 2026-07-28 leg, through the official v2 client pinned to that revision: `server/discover`
 * first (with the `_meta` envelope and the `Mcp-Method` header the SDK adds to every request), then
 * requests on the same per-request footing — there is no session to open or to end. Pinned, not
 * `auto`: the 2025 leg is probed separately, so a dual-era server is seen on both.
 */
export async function openModernSession(
  url: URL,
  options: HandshakeOptions,
): Promise<{ session: Session | null; attempt: HandshakeAttempt }> {
  const { recorder, requestTimeoutMs } = options;
  const mark = recorder.mark();
  const client = new Client(CLIENT_INFO, {
    capabilities: {},
    versionNegotiation: { mode: { pin: MODERN_VERSION } },
  });
  const transport = new StreamableHTTPClientTransport(url, { fetch: recorder.fetchFor('modern') });
  const guard = guardSession(transport, options);
  const close = async () => {
    guard.closing();
    await raceDeadline(
      client.close(),
      2_000,
      () => new ProbeError(ProbeErrorCode.Timeout, 'close'),
    ).catch(() => {});
  };

  const doing = `server/discover ${url.href} (MCP ${MODERN_VERSION})`;
  try {
    await guard.bounded(doing, (s) =>
      client.connect(transport, { signal: s, timeout: requestTimeoutMs }),
    );
  } catch (error) {
    await close();
    return {
      session: null,
      attempt: failedAttempt(
        url,
        'streamable-http',
        'modern',
        recorder,
        mark,
        asProbeError(error, doing),
      ),
    };
  }
  const session: Session = {
    kind: 'streamable-http',
    era: 'modern',
    sessionId: null,
    transportErrors: guard.transportErrors,
    request: (method, params, schema) =>
      guard.bounded(
        `${method} ${url.href} (MCP ${MODERN_VERSION})`,
        // The v2 client types results through Standard Schema; for a zod schema that is z.infer.
        (s) =>
          client.request({ method, params }, schema, {
            signal: s,
            timeout: requestTimeoutMs,
          }) as Promise<z.infer<typeof schema>>,
      ),
    close,
  };
  return {
    session,
    attempt: {
      url: url.href,
      transport: 'streamable-http',
      era: 'modern',
      guessed: false,
      ok: true,
      status: null,
      error: null,
      exchangeIds: recorder.idsSince(mark),
    },
  };
}
