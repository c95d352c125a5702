import {
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';
import { defineCheck, pass } from '../define';
import { blockedByHandshake } from '../shared/blocked';
import { decisiveAttempt } from '../shared/handshake';

/** The revision that brought Streamable HTTP, tool annotations and OAuth 2.1; ChatGPT builds on it. */
const OLDEST_CURRENT = '2025-03-26';

/** A version the client does not know ends the handshake; an old one lacks what ChatGPT relies on. */
export default defineCheck({
  id: 'connection.protocol-version',
  area: 'connection',
  severity: 'warning',
  title: 'The server speaks a current MCP protocol version',
  failureTitle: 'The server speaks an unknown or outdated MCP protocol version',
  fix: `Upgrade the server's MCP SDK so it negotiates ${LATEST_PROTOCOL_VERSION} (or at least ${OLDEST_CURRENT}).`,
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#version-negotiation',
  codes: ['unknown-version', 'outdated'],
  run(t) {
    const result = t.mcp?.initializeResult;
    const version =
      result && typeof result === 'object'
        ? (result as { protocolVersion?: unknown }).protocolVersion
        : undefined;
    if (typeof version !== 'string')
      return blockedByHandshake(t, 'there is no InitializeResult with a protocolVersion');
    const evidence = t.mcp?.initializeExchangeId ? [t.mcp.initializeExchangeId] : [];
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      // The SDK refuses a version it does not know, so the session was never opened.
      const refused = !decisiveAttempt(t)?.ok;
      return {
        status: 'fail',
        code: 'unknown-version',
        severity: refused ? 'error' : 'warning',
        message: `The server answered initialize with protocol version "${version.slice(0, 40)}", which clients up to ${LATEST_PROTOCOL_VERSION} do not know${refused ? '; the client ended the handshake' : ''}.`,
        fix: `Negotiate a published version: answer with the client's requested version (${LATEST_PROTOCOL_VERSION}) when you support it, else the latest one you do.`,
        evidence,
      };
    }
    if (version < OLDEST_CURRENT) {
      return {
        status: 'fail',
        code: 'outdated',
        message: `The server speaks MCP ${version}, older than ${OLDEST_CURRENT}; the client asked for ${LATEST_PROTOCOL_VERSION}.`,
        evidence,
      };
    }
    return pass(`protocol version ${version}`);
  },
});
