import { isRecord } from '@/lib/json/is-record';
import type { Era, ServerEra, Transcript } from '@/lib/report/schema';
import { modernRejection } from './protocol-era';

const DENIED = new Set([401, 403]);

/** How one leg of the run ended: it answered, it asked for authorization, or neither. */
export function legOutcome(t: Transcript, era: Era): 'answered' | 'denied' | null {
  const attempts = t.mcp?.attempts.filter((a) => !a.guessed && a.era === era) ?? [];
  const answered =
    era === 'modern' ? isRecord(t.mcp?.modern?.discover) : attempts.some((a) => a.ok);
  if (answered) return 'answered';
  if (attempts.some((a) => a.status !== null && DENIED.has(a.status))) return 'denied';
  return null;
}

/**
 * What the server speaks, from the two legs of the run (MCP 2026-07-28 "Versioning and
 * Compatibility"): the 2025 `initialize` handshake, 2026-07-28 (`server/discover`), or both. A leg
 * that asked for authorization exists too: one leg answering while the other asks to sign in is a
 * dual-era server with authorization on one leg only (connection.era-parity), not a one-era server.
 */
export function serverEra(t: Transcript): ServerEra | null {
  const legacy = legOutcome(t, 'legacy');
  const modern = legOutcome(t, 'modern');
  if (legacy === 'answered' && modern === 'answered') return 'dual';
  if (legacy === 'answered') return modern === 'denied' ? 'dual' : 'legacy';
  if (modern === 'answered') return legacy === 'denied' ? 'dual' : 'modern';
  return null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Every protocol version the server named: `server/discover`'s `supportedVersions`, the `supported`
 * list of a -32022 refusal, and the version `initialize` negotiated. Bounded: remote lists.
 */
export function advertisedVersions(t: Transcript): string[] {
  const discover = t.mcp?.modern?.discover;
  const found = new Set<string>(isRecord(discover) ? strings(discover.supportedVersions) : []);
  for (const attempt of t.mcp?.attempts ?? []) {
    for (const x of t.exchanges.filter((e) => attempt.exchangeIds.includes(e.id))) {
      for (const version of modernRejection(x)?.supported ?? []) found.add(version);
    }
  }
  const init = t.mcp?.initializeResult;
  if (isRecord(init) && typeof init.protocolVersion === 'string') found.add(init.protocolVersion);
  return [...found].slice(0, 20).map((v) => v.slice(0, 40));
}

/**
 * The capabilities of the leg the run used: the InitializeResult's in the 2025 era, the
 * DiscoverResult's in 2026-07-28. Undefined when that leg gave none.
 */
export function sessionCapabilities(t: Transcript): unknown {
  const source = t.mcp?.sessionEra === 'modern' ? t.mcp.modern?.discover : t.mcp?.initializeResult;
  return isRecord(source) ? source.capabilities : undefined;
}

/** The raw result the session's leg opened with: InitializeResult (2025) or DiscoverResult (2026-07-28). */
export function openingResult(t: Transcript): { result: unknown; exchangeId: string | null } {
  return t.mcp?.sessionEra === 'modern'
    ? {
        result: t.mcp.modern?.discover ?? null,
        exchangeId: t.mcp.modern?.discoverExchangeId ?? null,
      }
    : { result: t.mcp?.initializeResult ?? null, exchangeId: t.mcp?.initializeExchangeId ?? null };
}
