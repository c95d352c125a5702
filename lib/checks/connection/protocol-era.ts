import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { advertisedVersions, serverEra } from '../shared/era';
import { excerpt, statusLine } from '../shared/exchanges';
import { givenAttempts, openingExchanges } from '../shared/handshake';
import { MODERN_ERROR_CODES, modernRejection } from '../shared/protocol-era';

const ERROR_NAMES: Record<number, string> = {
  [MODERN_ERROR_CODES.UnsupportedProtocolVersion]: 'UnsupportedProtocolVersion',
  [MODERN_ERROR_CODES.HeaderMismatch]: 'HeaderMismatch',
  [MODERN_ERROR_CODES.MissingRequiredClientCapability]: 'MissingRequiredClientCapability',
  [-32601]: 'Method not found',
};

/** How the server refused the 2025 `initialize`, in its own words, when it did. */
function refusalOf(t: Parameters<typeof serverEra>[0]): { text: string; ids: string[] } {
  for (const attempt of givenAttempts(t)) {
    const opening = openingExchanges(t, attempt).at(-1);
    const rejection = opening ? modernRejection(opening) : null;
    if (!opening || !rejection || rejection.code === null) continue;
    const name = ERROR_NAMES[rejection.code] ?? 'error';
    const said = rejection.message ? ` ("${excerpt(rejection.message, 100)}")` : '';
    return {
      text: `; it refused initialize with ${statusLine(opening)} and ${rejection.code} ${name}${said}`,
      ids: [opening.id],
    };
  }
  return { text: '', ids: [] };
}

/**
 * MCP 2026-07-28 drops `initialize` and sessions: a server that speaks only it answers a client of
 * the 2025 handshake with a modern error, and no such client can use it — they have no fall-forward
 * (2026-07-28 basic/versioning, "Compatibility Matrix"). ChatGPT documents no 2026-07-28 support as
 * of 2026-12-04 (developers.openai.com/apps-sdk), so for the table's client a modern-only server is
 * one it cannot be shown to reach: an error, never a pass.
 */
export default defineCheck({
  id: 'connection.protocol-era',
  area: 'connection',
  severity: 'error',
  title: 'The server accepts the 2025 initialize handshake',
  failureTitle: 'The server speaks only MCP 2026-07-28, which handshake-era clients cannot use',
  fix: `Serve both eras: clients that speak ${LATEST_PROTOCOL_VERSION} or earlier (the initialize handshake) cannot fall forward. With the TypeScript SDK v2, createMcpHandler(factory) is dual-era by default — drop { legacy: 'reject' }; elsewhere, answer initialize as before and stateless requests per 2026-07-28.`,
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions',
  codes: ['modern-only'],
  run(t) {
    const era = serverEra(t);
    const versions = advertisedVersions(t);
    const named = versions.length ? ` (versions: ${versions.join(', ')})` : '';
    const discover = t.mcp?.modern?.discoverExchangeId;
    switch (era) {
      case 'modern': {
        const refusal = refusalOf(t);
        return {
          status: 'fail',
          code: 'modern-only',
          message: `The server speaks only MCP 2026-07-28${named}${refusal.text}: clients of the 2025 initialize handshake — ChatGPT among them, as documented today — cannot connect.`,
          evidence: [...(discover ? [discover] : []), ...refusal.ids],
        };
      }
      case 'dual':
        return pass(`The server speaks both eras: the 2025 handshake and 2026-07-28${named}`);
      case 'legacy':
        return pass(
          `The server speaks the 2025 handshake${named}; 2026-07-28 clients fall back to it`,
        );
      case null: {
        // A 2026-07-28 error to `initialize` says which era the server is in, even when its
        // server/discover did not answer either.
        const refusal = refusalOf(t);
        if (refusal.ids.length) {
          return {
            status: 'fail',
            code: 'modern-only',
            message: `The server answers the 2025 handshake in the 2026-07-28 era${refusal.text}, and server/discover did not answer: no client can use it as it stands.`,
            evidence: refusal.ids,
          };
        }
        return blockedByHandshake(t, 'neither era answered, so what the server speaks is unknown');
      }
    }
  },
});
