import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { excerpt, statusLine } from '../shared/exchanges';
import { handshakeVerdict } from '../shared/handshake';
import { MODERN_ERROR_CODES, type ModernRejection, discoverAnswer } from '../shared/protocol-era';

const ERROR_NAMES: Record<number, string> = {
  [MODERN_ERROR_CODES.UnsupportedProtocolVersion]: 'UnsupportedProtocolVersion',
  [MODERN_ERROR_CODES.HeaderMismatch]: 'HeaderMismatch',
  [MODERN_ERROR_CODES.MissingRequiredClientCapability]: 'MissingRequiredClientCapability',
  [-32601]: 'Method not found',
};

function evidenceOf(rejection: ModernRejection, status: string | null): string {
  const supported = rejection.supported?.length
    ? `; it supports ${rejection.supported.join(', ')}`
    : '';
  if (rejection.code === null) return `server/discover answered${supported}`;
  const name = ERROR_NAMES[rejection.code] ?? 'error';
  const text = rejection.message ? ` ("${excerpt(rejection.message, 100)}")` : '';
  return `it rejected initialize with ${status ?? 'an error'} and ${rejection.code} ${name}${text}${supported}`;
}

/**
 * MCP 2026-07-28 drops `initialize` and sessions: a server that speaks only it answers a handshake-era
 * client with a modern error, and no such client can use it (2026-07-28 changelog, basic/versioning).
 */
export default defineCheck({
  id: 'connection.protocol-era',
  area: 'connection',
  severity: 'warning',
  title: 'The server accepts the initialize handshake',
  failureTitle: 'The server speaks only the stateless 2026-07-28 protocol',
  fix: `Clients that speak ${LATEST_PROTOCOL_VERSION} or earlier (the initialize handshake) cannot use this server; only 2026-07-28 clients can. To serve both, make it dual-era: answer initialize as before, and stateless requests per 2026-07-28.`,
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/changelog',
  codes: ['modern-only'],
  run(t) {
    const verdict = handshakeVerdict(t);
    const rejection = verdict.kind === 'modern-era' ? verdict.rejection : discoverAnswer(t);
    if (rejection) {
      const status = verdict.kind === 'modern-era' ? statusLine(verdict.exchange) : null;
      return {
        status: 'fail',
        code: 'modern-only',
        message: `The server speaks only the stateless MCP 2026-07-28 protocol: ${evidenceOf(rejection, status)}.`,
        evidence: [rejection.exchangeId],
      };
    }
    if (verdict.kind === 'answered') return pass('the server answers the initialize handshake');
    return blockedByHandshake(t, 'initialize was not answered, so the protocol era is unknown');
  },
});
