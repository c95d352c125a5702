import { plural } from '@/lib/text/plural';
import { ok, skipped, type ProbeRun, type ProbeStep } from '../context';
import { CLIENT_INFO } from '../mcp';
import { MODERN_VERSION } from '../modern';
import { emptyModernLeg } from './handshake';
import { listTools } from './tools';

/** A version no server can support: what the version-negotiation refusal is probed with. */
const NO_SUCH_VERSION = '1900-01-01';
/** A method no server implements (the `mcp-doctor/` prefix keeps it out of any real namespace). */
const NO_SUCH_METHOD = 'mcp-doctor/no-such-method';

/**
 * The 2026-07-28 leg beyond the handshake, for servers that speak it: three requests a modern
 * server must refuse in a precise way (MCP 2026-07-28 Streamable HTTP — a header that contradicts
 * the body: 400 + -32020 HeaderMismatch, "Server Validation"; an unsupported version: 400 + -32022
 * naming what it supports, "Protocol Version Header"; an unknown method: 404 + -32601), and on a
 * dual-era server the tool list as the modern leg serves it, to compare with the 2025 leg's. Each is
 * one bounded request through the recorder; nothing else is sent.
 */
export const erasStep: ProbeStep = {
  id: 'eras',
  async run(run) {
    const mcp = run.transcript.mcp;
    const modernOk = mcp?.attempts.some((a) => a.era === 'modern' && a.ok) ?? false;
    if (!mcp || !modernOk) return skipped('skipped: the server does not speak 2026-07-28');
    const leg = (mcp.modern ??= emptyModernLeg());
    leg.conformance = {
      headerMismatch: await refusal(run, 'server/discover', { 'mcp-method': 'tools/list' }),
      unsupportedVersion: await refusal(run, 'server/discover', {}, NO_SUCH_VERSION),
      methodNotFound: await refusal(run, NO_SUCH_METHOD, {}),
    };
    const parts = ['3 refusals probed'];
    if (run.modernSession) {
      const { listing, tools } = await listTools(run.modernSession, run.recorder, run.limits);
      leg.tools = tools;
      leg.toolsExchangeIds = listing.pages.flatMap((p) => (p.exchangeId ? [p.exchangeId] : []));
      leg.toolsError = listing.pages.find((p) => p.error)?.error ?? null;
      parts.push(`the 2026-07-28 leg lists ${plural(tools.length, 'tool')}`);
    }
    return ok(parts.join('; '));
  },
};

/**
 * One modern request crafted to be refused, recorded like every other exchange; its answer is read
 * (bounded by the recorder) so the checks can judge status and JSON-RPC error. Returns its exchange.
 */
async function refusal(
  { url, recorder }: ProbeRun,
  method: string,
  headers: Record<string, string>,
  version = MODERN_VERSION,
): Promise<string | null> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: `mcp-doctor-${method}`,
    method,
    params: {
      _meta: {
        'io.modelcontextprotocol/protocolVersion': version,
        'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
        'io.modelcontextprotocol/clientCapabilities': {},
      },
    },
  });
  const pending = recorder.fetchFor('modern')(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': version,
      'mcp-method': method,
      ...headers,
    },
    body,
  });
  const exchangeId = recorder.lastId();
  try {
    await (await pending).text();
  } catch {
    // A failure is recorded on the exchange, where the checks read it.
  }
  return exchangeId;
}
