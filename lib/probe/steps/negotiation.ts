import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { NEGOTIATION_VARIANTS } from '@/lib/edges/content-negotiation';
import type { Exchange } from '@/lib/report/schema';
import { ok, skipped, type ProbeStep } from '../context';
import { CLIENT_INFO } from '../mcp';
import { endSession, postRpc } from '../rpc-post';

/** 406 Not Acceptable, 415 Unsupported Media Type (RFC 9110 §15.5.7, §15.5.16). */
const REFUSALS = [406, 415];

/**
 * When the given URL refused the 2025 `initialize` over its Accept or Content-Type, the same request
 * again with each of the header variants of lib/edges/content-negotiation.ts (at most four, each one
 * header away from the spec's), so connection.negotiation can say what the server wanted instead.
 * Every variant is one recorded exchange; a session a variant happens to open is ended.
 */
export const negotiationStep: ProbeStep = {
  id: 'negotiation',
  async run({ url, transcript, recorder }) {
    const given = transcript.mcp?.attempts.find(
      (a) => !a.guessed && a.era === 'legacy' && a.transport === 'streamable-http',
    );
    const ids = new Set(given?.exchangeIds ?? []);
    const refused = recorder
      .snapshot()
      .find((x: Exchange) => ids.has(x.id) && REFUSALS.includes(x.response?.status ?? 0));
    if (!refused?.response) {
      return skipped('skipped: initialize was not refused for its Accept or Content-Type');
    }
    const answers: string[] = [];
    for (const variant of NEGOTIATION_VARIANTS) {
      const answer = await postRpc(
        recorder,
        url,
        {
          id: `mcp-doctor-${variant.id}`,
          method: 'initialize',
          params: {
            protocolVersion: LATEST_PROTOCOL_VERSION,
            capabilities: {},
            clientInfo: CLIENT_INFO,
          },
        },
        { ...variant.headers },
      );
      if (answer.sessionId && answer.status !== null && answer.status < 300) {
        await endSession(recorder, url, answer.sessionId);
      }
      answers.push(
        `${variant.id} ${answer.status === null ? 'no answer' : `HTTP ${answer.status}`}`,
      );
    }
    return ok(`HTTP ${refused.response.status} on initialize; variants: ${answers.join(', ')}`);
  },
};
