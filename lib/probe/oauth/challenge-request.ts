import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { describe } from '../errors';
import { CLIENT_INFO } from '../mcp';
import type { Recorder } from '../recorder';

export interface ChallengeAnswer {
  exchangeId: string | null;
  status: number | null;
  /** The `WWW-Authenticate` value, null when absent. */
  header: string | null;
  error: string | null;
}

/**
 * POSTs `initialize` as a client without credentials would, to see whether the server asks for
 * authorization and read its challenge (MCP 2025-11-25: the client's first request is unauthenticated
 * and a protected server answers 401 with `WWW-Authenticate`). Used when the user's token was
 * accepted, and by the interactive flow. A session the server opens anyway is ended with DELETE.
 */
export async function requestChallenge(url: URL, recorder: Recorder): Promise<ChallengeAnswer> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: CLIENT_INFO },
  });
  const pending = recorder.fetchAnonymous(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body,
  });
  const exchangeId = recorder.lastId();
  let response: Response;
  try {
    response = await pending;
  } catch (error) {
    return { exchangeId, status: null, header: null, error: describe(error) };
  }
  // Read so the recorder keeps it (a 401's body often explains more); an event stream may stay
  // open, so it is cancelled instead.
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? ''))
    await response.body?.cancel().catch(() => {});
  else await response.text().catch(() => '');
  const sessionId = response.headers.get('mcp-session-id');
  if (response.ok && sessionId) {
    await recorder
      .fetchAnonymous(url, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })
      .then((r) => r.body?.cancel())
      .catch(() => {});
  }
  return {
    exchangeId,
    status: response.status,
    header: response.headers.get('www-authenticate'),
    error: null,
  };
}
