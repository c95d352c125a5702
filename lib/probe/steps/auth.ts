import type { HandshakeAttempt, McpResult } from '@/lib/report/schema';
import {
  NO_AUTH_REQUIRED,
  type AuthProbe,
  type Challenge,
  type TokenVerdict,
} from '@/lib/report/schema-auth';
import { failed, ok, skipped, type ProbeStep, type StepResult } from '../context';
import { ProbeErrorCode } from '../errors';
import { requestChallenge } from '../oauth/challenge-request';
import { discoverAuthorizationServer, discoverProtectedResource } from '../oauth/discovery';
import { probeRedirectUri } from '../oauth/registration';
import { readChallenge } from '../oauth/www-authenticate';
import type { Recorder } from '../recorder';

/** The Auth row's step: whether authorization is required, and OAuth discovery when it is. */
export const authStep: ProbeStep = {
  id: 'auth',
  async run({ url, transcript, recorder, target }) {
    const { auth, result } = await probeAuth(url, transcript.mcp, recorder, {
      withCredentials: Boolean(target.token) || Object.keys(target.headers).length > 0,
      checkRedirectUri: target.checkRedirectUri,
    });
    transcript.auth = auth;
    return result;
  },
};

interface AuthProbeOptions {
  /** Whether the run sent the user's bearer token or extra headers. */
  withCredentials: boolean;
  /** Opt-in: register a client with ChatGPT's redirect URI (creates a client on the server). */
  checkRedirectUri?: boolean;
}

const DENIED = new Set([401, 403]);

/**
 * OAuth discovery, when the server asks for authorization: the challenge, then protected resource
 * metadata and authorization server metadata, each URL tried the way a client tries it, through the
 * recorder so every one is in the raw log. When the user's token was accepted, one anonymous
 * `initialize` tells whether the server needs it at all (and yields the challenge to start from).
 */
async function probeAuth(
  url: URL,
  mcp: McpResult | null,
  recorder: Recorder,
  options: AuthProbeOptions,
): Promise<{ auth: AuthProbe | null; result: StepResult }> {
  const given = mcp?.attempts.filter((a) => !a.guessed) ?? [];
  const denied = given.find((a) => a.status !== null && DENIED.has(a.status));
  const opened = given.find((a) => a.ok);
  const notRequired = (token: TokenVerdict | null, reason: string) => ({
    auth: {
      required: false,
      challenge: null,
      discovery: [],
      documents: [],
      authorizationServer: null,
      token,
      redirectUri: null,
    },
    result: skipped(reason),
  });

  let challenge: Challenge;
  let token: TokenVerdict | null = null;
  if (denied?.status) {
    const exchangeId = deniedExchange(recorder, denied);
    challenge = readChallenge({
      exchangeId,
      status: denied.status,
      withCredentials: options.withCredentials,
      header: recordedHeader(recorder, exchangeId, 'www-authenticate'),
    });
    if (options.withCredentials) {
      token = {
        exchangeId,
        status: denied.status,
        accepted: false,
        error: challenge.bearer?.error ?? null,
        errorDescription: challenge.bearer?.errorDescription ?? null,
        scope: challenge.bearer?.scope ?? null,
      };
    }
  } else if (opened) {
    if (!options.withCredentials) return notRequired(null, NO_AUTH_REQUIRED);
    token = {
      exchangeId: opened.exchangeIds[0] ?? null,
      status: opened.status ?? recorder.firstStatus(opened.exchangeIds),
      accepted: true,
      error: null,
      errorDescription: null,
      scope: null,
    };
    const answer = await requestChallenge(url, recorder);
    if (answer.status === null || !DENIED.has(answer.status)) {
      return notRequired(
        token,
        answer.status === null
          ? `skipped: the request without credentials failed (${answer.error ?? 'no answer'}), so whether authorization is required is unknown`
          : `${NO_AUTH_REQUIRED}: the server also answers without your token or headers`,
      );
    }
    challenge = readChallenge({
      exchangeId: answer.exchangeId,
      status: answer.status,
      withCredentials: false,
      header: recordedHeader(recorder, answer.exchangeId, 'www-authenticate'),
    });
  } else {
    return {
      auth: null,
      result: skipped(
        'skipped: initialize got no answer that tells whether authorization is required',
      ),
    };
  }

  const probe: AuthProbe = {
    required: true,
    challenge,
    discovery: [],
    documents: [],
    authorizationServer: null,
    token,
    redirectUri: null,
  };
  const resource = await discoverProtectedResource(
    url,
    challenge.bearer?.resourceMetadata ?? null,
    recorder,
  );
  probe.discovery.push(...resource.attempts);
  probe.documents.push(...resource.documents);

  // The SDK's choice: the first authorization server listed. Without usable metadata, 2025-03-26
  // clients (and the SDK's `discoverOAuthServerInfo`) fall back to the MCP server's origin.
  const listed = resource.value?.authorization_servers ?? serversIn(resource.raw);
  const issuer = listed[0];
  probe.authorizationServer = issuer
    ? { issuer, source: 'protected-resource' }
    : { issuer: new URL('/', url).href, source: 'legacy-origin' };
  const server = await discoverAuthorizationServer(probe.authorizationServer.issuer, recorder, {
    beyondSpec: probe.authorizationServer.source === 'legacy-origin' || !resource.value,
  });
  probe.discovery.push(...server.attempts);
  probe.documents.push(...server.documents);

  if (options.checkRedirectUri) {
    probe.redirectUri = await probeRedirectUri(
      server.value ? probe.authorizationServer.issuer : null,
      server.value,
      recorder,
    );
  }

  const tried = probe.discovery.filter((a) => a.outcome !== 'not-tried').length;
  if (resource.value && server.value) {
    return {
      auth: probe,
      result: ok(
        `HTTP ${challenge.status}; authorization server ${probe.authorizationServer.issuer} (${tried} metadata URLs requested)`,
      ),
    };
  }
  const missing = resource.value ? 'authorization server metadata' : 'protected resource metadata';
  return {
    auth: probe,
    result: failed(
      { code: ProbeErrorCode.OAuthDiscoveryFailed, message: `no usable ${missing} found` },
      undefined,
      `HTTP ${challenge.status}; no usable ${missing} (${tried} metadata URLs requested)`,
    ),
  };
}

/** The exchange of an attempt that carried the 401/403 (the initialize POST, or the SSE GET). */
function deniedExchange(recorder: Recorder, attempt: HandshakeAttempt): string | null {
  const wanted = new Set(attempt.exchangeIds);
  const found = recorder
    .snapshot()
    .find((x) => wanted.has(x.id) && x.response && DENIED.has(x.response.status));
  return found?.id ?? attempt.exchangeIds[0] ?? null;
}

/** A response header as recorded (redacted like everything the report keeps). */
function recordedHeader(
  recorder: Recorder,
  exchangeId: string | null,
  name: string,
): string | null {
  if (!exchangeId) return null;
  const headers = recorder.snapshot().find((x) => x.id === exchangeId)?.response?.headers ?? [];
  const values = headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  return values.length ? values.join(', ') : null;
}

/** `authorization_servers` read from a document the SDK rejected, to carry the diagnosis further. */
function serversIn(raw: unknown): string[] {
  const servers = (raw as { authorization_servers?: unknown } | null | undefined)
    ?.authorization_servers;
  return Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string') : [];
}
