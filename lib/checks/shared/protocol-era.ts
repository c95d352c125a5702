import { isRecord } from '@/lib/json/is-record';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { findReply, responseMessages } from '@/lib/report/jsonrpc';
import type { Exchange, Transcript } from '@/lib/report/schema';

/**
 * Error codes the 2026-07-28 ("modern", stateless) revision reserves and a handshake-era server never
 * sends (2026-07-28 basic/index#error-codes; the draft first used -32001/-32003/-32004).
 */
export const MODERN_ERROR_CODES = {
  HeaderMismatch: -32020,
  MissingRequiredClientCapability: -32021,
  UnsupportedProtocolVersion: -32022,
} as const;

const METHOD_NOT_FOUND = -32601;

export interface ModernRejection {
  exchangeId: string;
  /** The JSON-RPC error code, or null when the evidence is a `server/discover` result. */
  code: number | null;
  message: string;
  /** The versions the server says it supports, when it says so. */
  supported: string[] | null;
}

const versionsIn = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;

/** Whether a version list names only revisions this SDK (handshake era, up to 2025-11-25) cannot speak. */
const onlyModern = (versions: string[] | null): boolean =>
  versions === null || !versions.some((v) => SUPPORTED_PROTOCOL_VERSIONS.includes(v));

/**
 * A modern-only server rejecting the `initialize` POST: the 2026-07-28 transport answers a request
 * without its headers with 400 + HeaderMismatch, an unsupported version with 400 +
 * UnsupportedProtocolVersion (whose `data.supported` lists what it speaks), and an unknown method
 * with 404 + -32601 — the JSON-RPC body is what tells it from a legacy 400/404
 * (2026-07-28 transports/streamable-http#backward-compatibility, basic/versioning).
 */
export function modernRejection(answer: Exchange): ModernRejection | null {
  const status = answer.response?.status;
  if (status !== 400 && status !== 404) return null;
  for (const message of responseMessages(answer)) {
    if (!isRecord(message) || !isRecord(message.error)) continue;
    const { code, message: text, data } = message.error;
    if (typeof code !== 'number') continue;
    const supported = isRecord(data) ? versionsIn(data.supported) : null;
    const modern =
      status === 400
        ? (code === MODERN_ERROR_CODES.UnsupportedProtocolVersion && onlyModern(supported)) ||
          code === MODERN_ERROR_CODES.HeaderMismatch ||
          code === MODERN_ERROR_CODES.MissingRequiredClientCapability
        : code === METHOD_NOT_FOUND;
    if (modern) {
      return {
        exchangeId: answer.id,
        code,
        message: typeof text === 'string' ? text : '',
        supported,
      };
    }
  }
  return null;
}

/** A `server/discover` that answered: only 2026-07-28 servers implement it (2026-07-28 changelog §3). */
export function discoverAnswer(t: Transcript): ModernRejection | null {
  for (const request of t.exchanges.filter((x) => x.rpc?.method === 'server/discover')) {
    const reply = findReply(t.exchanges, request);
    if (!reply || !isRecord(reply.result)) continue;
    const supported = versionsIn(reply.result.supportedVersions);
    if (!onlyModern(supported)) continue;
    return {
      exchangeId: reply.exchangeId,
      code: null,
      message: 'server/discover answered',
      supported,
    };
  }
  return null;
}
