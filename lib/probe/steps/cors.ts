import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import type { CorsProbe, CorsReading } from '@/lib/report/schema-cors';
import { failed, ok, skipped, type ProbeStep, type StepResult } from '../context';
import { CLIENT_INFO } from '../mcp';
import type { Recorder } from '../recorder';
import { corsReading, type CorsRequest } from '../cors-reading';

/**
 * The Origin of MCP Inspector's web UI, whose "Direct" connection type talks to the server from the
 * page (client/src/lib/hooks/useConnection.ts): `http://${HOST || 'localhost'}:${CLIENT_PORT ??
 * '6274'}` (client/bin/start.js in https://github.com/modelcontextprotocol/inspector). Inspector 2
 * binds 127.0.0.1 by default and connects from its own backend; CORS is a browser page's concern.
 */
export const CORS_ORIGIN = 'http://localhost:6274';

/**
 * The non-safelisted headers a browser client sends to the MCP endpoint: `content-type`
 * (application/json is not a safelisted value), `mcp-protocol-version` on every request after
 * initialize, `mcp-session-id` in a 2025 session, `mcp-method` and `mcp-name` on 2026-07-28
 * requests (basic/transports/streamable-http), `authorization` once signed in. A preflight lists
 * them lower-cased and sorted (Fetch, "CORS-unsafe request-header names").
 */
const MCP_HEADERS = [
  'authorization',
  'content-type',
  'mcp-method',
  'mcp-name',
  'mcp-protocol-version',
  'mcp-session-id',
];

/** At most one per kind: a protected resource and an authorization server metadata document. */
const METADATA_KINDS = ['protected-resource', 'authorization-server'] as const;

/**
 * CORS as a page on another origin meets the server, in at most five requests: the preflight of
 * the MCP POST, a real `initialize` with the Origin (its answer — a session or a 401 — is what the
 * page must be allowed to read; a session it opens is ended with DELETE), and a GET of each OAuth
 * metadata document the auth step accepted. The handshake's own answers cannot serve: many servers
 * add CORS headers only when a request carries an Origin.
 */
export const corsStep: ProbeStep = {
  id: 'cors',
  async run({ url, transcript, recorder, target }) {
    const answered = transcript.mcp?.attempts.some(
      (a) => !a.guessed && (a.ok || a.status !== null),
    );
    if (!answered) return skipped('skipped: the MCP URL gave no HTTP answer to read CORS from');
    const userHeaders = Object.keys(target.headers).map((name) => name.toLowerCase());
    const requestedHeaders = [...new Set([...MCP_HEADERS, ...userHeaders])].sort();
    const cors: CorsProbe = {
      origin: CORS_ORIGIN,
      requestedHeaders,
      preflight: null,
      request: null,
      metadata: [],
    };
    transcript.cors = cors;

    cors.preflight = await send(recorder, url, {
      kind: 'preflight',
      method: 'OPTIONS',
      // A preflight carries no credentials and none of the page's own headers, only their names.
      anonymous: true,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': requestedHeaders.join(','),
      },
    });
    cors.request = await send(recorder, url, {
      kind: 'request',
      method: 'POST',
      // What a browser client configured like this run sends: the user's token and headers too.
      anonymous: false,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: {
          protocolVersion: LATEST_PROTOCOL_VERSION,
          capabilities: {},
          clientInfo: CLIENT_INFO,
        },
      }),
    });
    for (const kind of METADATA_KINDS) {
      const doc = transcript.auth?.documents.find((d) => d.kind === kind && !d.problems.length);
      if (!doc) continue;
      cors.metadata.push(
        await send(recorder, new URL(doc.url), {
          kind: 'metadata',
          method: 'GET',
          anonymous: true,
          headers: { accept: 'application/json' },
        }),
      );
    }
    return result(cors);
  },
};

/** Sends one request with the Origin and reads its CORS headers; a session it opened is ended. */
async function send(recorder: Recorder, url: URL, request: CorsRequest): Promise<CorsReading> {
  const fetch = request.anonymous ? recorder.fetchAnonymous : recorder.fetch;
  const pending = fetch(url, {
    method: request.method,
    headers: { origin: CORS_ORIGIN, ...request.headers },
    ...(request.body ? { body: request.body } : {}),
  });
  const exchangeId = recorder.lastId();
  let response: Response;
  try {
    response = await pending;
  } catch (error) {
    return corsReading(request, url, exchangeId, null, error);
  }
  // Read (bounded by the recorder) so the raw log shows the answer; a stream may stay open.
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? ''))
    await response.body?.cancel().catch(() => {});
  else await response.text().catch(() => '');
  const sessionId = response.headers.get('mcp-session-id');
  if (request.method === 'POST' && response.ok && sessionId) {
    await fetch(url, {
      method: 'DELETE',
      headers: { origin: CORS_ORIGIN, 'mcp-session-id': sessionId },
    })
      .then((r) => r.body?.cancel())
      .catch(() => {});
  }
  return corsReading(request, url, exchangeId, response, null);
}

/** The step's line: what each answer allowed; failed only when nothing answered at all. */
function result(cors: CorsProbe): StepResult {
  const readings = [cors.preflight, cors.request, ...cors.metadata].filter(
    (r): r is CorsReading => r !== null,
  );
  const answered = readings.filter((r) => r.status !== null);
  const first = readings.find((r) => r.error)?.error;
  if (!answered.length && first) return failed(first);
  const said = (r: CorsReading) =>
    r.status === null
      ? `${r.method} got no answer`
      : `${r.method} HTTP ${r.status} ${r.allowOrigin ? `allows ${r.allowOrigin}` : 'without Access-Control-Allow-Origin'}`;
  return ok(`Origin ${cors.origin}: ${readings.map(said).join('; ')}`);
}
