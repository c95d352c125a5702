import { randomBytes } from 'node:crypto';
import { startAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import { checkResourceAllowed } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import { createDialer, defaultDialPolicy, type DialPolicy } from '@/lib/probe/dialer';
import { describe, oneLine } from '@/lib/probe/errors';
import { LIMITS } from '@/lib/probe/limits';
import { requestChallenge } from '@/lib/probe/oauth/challenge-request';
import {
  discoverAuthorizationServer,
  discoverProtectedResource,
  type AuthorizationServerMetadata,
} from '@/lib/probe/oauth/discovery';
import { register } from '@/lib/probe/oauth/registration';
import { exchangeCode } from '@/lib/probe/oauth/token-exchange';
import { readChallenge } from '@/lib/probe/oauth/www-authenticate';
import { Recorder } from '@/lib/probe/recorder';
import type { Target } from '@/lib/probe/target';
import { runs } from '@/lib/runs/app-registry';
import { startRun } from '@/lib/runs/start';
import {
  callbackUrl,
  clientMetadataUrl,
  dashboardClientMetadata,
  metadataDocumentUsable,
} from './dashboard-client';
import { ExpiringMap, processSingleton } from './expiring-map';
import { FlowRedactor } from './flow-redactor';
import type { FlowStep, FlowStepId, FlowView } from './schema';

/** How long a sign-in may take, from start to the callback. */
export const FLOW_TTL_MS = 15 * 60_000;
const MAX_FLOWS = 100;

/** What the callback needs; secrets included, so it lives only here and is dropped once used. */
interface Pending {
  state: string;
  codeVerifier: string;
  client: OAuthClientInformationFull;
  issuer: string;
  metadata: AuthorizationServerMetadata;
  resource: string | null;
  redirectUri: string;
}

interface FlowRecord {
  id: string;
  url: string;
  createdAt: number;
  state: FlowView['state'];
  steps: FlowStep[];
  authorizationUrl: string | null;
  rerunId: string | null;
  /** The opt-in `auth.redirect-uri` check, run by the re-run's probe. */
  checkRedirectUri: boolean;
  recorder: Recorder;
  redactor: FlowRedactor;
  /**
   * The fetch the recorder dials through. Each phase (start, callback) opens its own guarded agent
   * and closes it when done, so nothing stays open while the user is away approving.
   */
  dialing: { fetch: typeof fetch };
  pending: Pending | null;
}

const flows = processSingleton('oauth-flows', () => ({
  byId: new ExpiringMap<FlowRecord>(MAX_FLOWS, FLOW_TTL_MS),
  byState: new ExpiringMap<string>(MAX_FLOWS, FLOW_TTL_MS),
}));

const STEP_TITLES: Record<FlowStepId, string> = {
  discovery: 'Discover the authorization server',
  registration: 'Register MCP Doctor as a client',
  authorization: 'Authorize in a new tab (PKCE S256, state, resource)',
  callback: 'Come back to MCP Doctor',
  token: 'Exchange the code for a token',
  rerun: 'Re-run the diagnosis with the token',
};

export interface FlowOptions {
  /** Which addresses may be dialled (the SSRF policy); the environment's by default. */
  dial?: DialPolicy;
  /** Starts the authenticated re-run; by default in the app's run registry. */
  rerun?: (target: Target) => string;
}

const defaultRerun = (target: Target) => startRun(runs, target).run.id;

/**
 * Starts a sign-in as ChatGPT would: discovery from an anonymous request, client registration (a
 * client ID metadata document when the server accepts one, else dynamic registration), then an
 * authorization URL with PKCE S256, `state` and `resource`. The user opens it in a new tab; the
 * callback finishes the flow.
 */
export async function startFlow(
  input: { url: URL; checkRedirectUri?: boolean },
  options: FlowOptions = {},
): Promise<FlowView> {
  const id = randomBytes(18).toString('base64url');
  const redactor = new FlowRedactor();
  const dialer = createDialer(options.dial ?? defaultDialPolicy(), LIMITS.connectTimeoutMs);
  const dialing = { fetch: dialer.fetch };
  const recorder = new Recorder({
    redactor,
    signal: AbortSignal.timeout(FLOW_TTL_MS),
    bounds: LIMITS,
    baseFetch: (input, init) => dialing.fetch(input, init),
  });
  recorder.step = 'auth';
  const url = new URL(input.url.href);
  url.hash = '';
  const record: FlowRecord = {
    id,
    url: redactor.url(url.href),
    createdAt: Date.now(),
    state: 'awaiting-authorization',
    steps: (Object.keys(STEP_TITLES) as FlowStepId[]).map((step) => ({
      id: step,
      title: STEP_TITLES[step],
      status: 'pending',
      summary: '',
      details: [],
      exchangeIds: [],
    })),
    authorizationUrl: null,
    rerunId: null,
    checkRedirectUri: input.checkRedirectUri ?? false,
    recorder,
    redactor,
    dialing,
    pending: null,
  };
  flows.byId.set(id, record);
  try {
    await prepare(record, url);
  } catch (error) {
    // A bug or an abort, not something the server did: shown on the step it happened in.
    const open = record.steps.find((s) => s.status === 'pending');
    if (open)
      Object.assign(open, {
        status: 'failed',
        summary: `MCP Doctor could not finish this step: ${oneLine(describe(error), 200)}`,
      });
    record.state = 'failed';
  } finally {
    await dialer.close();
  }
  return viewOf(record);
}

async function prepare(record: FlowRecord, url: URL): Promise<void> {
  const { recorder, redactor } = record;
  const fail = (step: FlowStepId, summary: string, more: Partial<FlowStep> = {}) => {
    update(record, step, { status: 'failed', summary, ...more });
    record.state = 'failed';
  };

  // 1. Discovery, from the challenge an anonymous client gets.
  let mark = recorder.mark();
  const answer = await requestChallenge(url, recorder);
  if (answer.status !== 401 && answer.status !== 403) {
    return fail(
      'discovery',
      answer.status === null
        ? `The server did not answer: ${answer.error ?? 'no answer'}.`
        : `The server answered HTTP ${answer.status} without credentials: there is nothing to sign in to.`,
      { exchangeIds: recorder.idsSince(mark) },
    );
  }
  const challenge = readChallenge({
    exchangeId: answer.exchangeId,
    status: answer.status,
    withCredentials: false,
    header: answer.header,
  });
  const resource = await discoverProtectedResource(
    url,
    challenge.bearer?.resourceMetadata ?? null,
    recorder,
  );
  const issuer = resource.value?.authorization_servers?.[0];
  if (!resource.value || !issuer) {
    return fail(
      'discovery',
      resource.value
        ? 'The protected resource metadata names no authorization server.'
        : 'No usable protected resource metadata: a client cannot learn where to sign in.',
      {
        exchangeIds: recorder.idsSince(mark),
        details: resource.attempts.map((a) => [a.url, `${a.status ?? a.outcome} ${a.detail}`]),
      },
    );
  }
  if (
    !checkResourceAllowed({ requestedResource: url, configuredResource: resource.value.resource })
  ) {
    // What the SDK's `selectResourceURL` refuses, and any client checking RFC 9728 §3.3.
    return fail(
      'discovery',
      `The protected resource metadata is for ${resource.value.resource}, not ${url.href}: clients refuse to continue.`,
      { exchangeIds: recorder.idsSince(mark) },
    );
  }
  const server = await discoverAuthorizationServer(issuer, recorder);
  const metadata = server.value;
  if (!metadata) {
    return fail('discovery', `No usable authorization server metadata for ${issuer}.`, {
      exchangeIds: recorder.idsSince(mark),
      details: server.attempts.map((a) => [a.url, `${a.status ?? a.outcome} ${a.detail}`]),
    });
  }
  const cautions: [string, string][] = [];
  if (!metadata.code_challenge_methods_supported)
    cautions.push([
      'caution',
      'no code_challenge_methods_supported: spec-following clients stop here; MCP Doctor goes on, as the SDK does',
    ]);
  if (metadata.issuer !== issuer)
    cautions.push([
      'caution',
      `the metadata claims issuer ${metadata.issuer}, not ${issuer}; clients that check RFC 8414 §3.3 stop here`,
    ]);
  update(record, 'discovery', {
    status: cautions.length ? 'warning' : 'ok',
    summary: `Authorization server ${issuer}.`,
    details: [
      ['challenge', `HTTP ${answer.status} ${answer.header ?? '(no WWW-Authenticate)'}`],
      ['resource', resource.value.resource],
      ['authorization server', issuer],
      ...cautions,
    ],
    exchangeIds: recorder.idsSince(mark),
  });

  // 2. Registration: a client ID metadata document first, dynamic registration as the fallback (MCP 2025-11-25 priority).
  mark = recorder.mark();
  const scope = challenge.bearer?.scope ?? resource.value.scopes_supported?.join(' ') ?? undefined;
  let client: OAuthClientInformationFull;
  if (metadata.client_id_metadata_document_supported === true && metadataDocumentUsable(issuer)) {
    client = { ...dashboardClientMetadata(), client_id: clientMetadataUrl() };
    update(record, 'registration', {
      status: 'ok',
      summary:
        'The server accepts client ID metadata documents: MCP Doctor’s client_id is the URL of its own document, which the server fetches during authorization.',
      details: [['client_id', client.client_id]],
    });
  } else if (metadata.registration_endpoint) {
    const registered = await register(issuer, metadata, dashboardClientMetadata(), recorder, scope);
    if (!registered.ok) {
      return fail(
        'registration',
        `Dynamic registration at ${metadata.registration_endpoint} failed${registered.status ? ` (HTTP ${registered.status})` : ''}: ${registered.error ? `${registered.error}: ` : ''}${registered.message}`,
        {
          exchangeIds: recorder.idsSince(mark),
        },
      );
    }
    client = registered.client;
    redactor.learn(client.client_secret);
    update(record, 'registration', {
      status: 'ok',
      summary: `Registered dynamically at ${metadata.registration_endpoint}.`,
      details: [
        ['client_id', client.client_id],
        ['token_endpoint_auth_method', client.token_endpoint_auth_method ?? '(server default)'],
      ],
      exchangeIds: recorder.idsSince(mark),
    });
  } else {
    return fail(
      'registration',
      metadata.client_id_metadata_document_supported
        ? 'The server accepts only client ID metadata documents, and this dashboard’s document is not on an https URL the server can fetch.'
        : 'The server offers neither dynamic client registration nor client ID metadata documents: ChatGPT cannot become a client.',
    );
  }

  // 3. The authorization request (OAuth 2.1 §4.1.1; RFC 7636; RFC 8707).
  const state = randomBytes(24).toString('base64url');
  const redirectUri = callbackUrl();
  let authorizationUrl: URL;
  let codeVerifier: string;
  try {
    ({ authorizationUrl, codeVerifier } = await startAuthorization(issuer, {
      metadata,
      clientInformation: client,
      redirectUrl: redirectUri,
      scope,
      state,
      resource: resource.value.resource,
    }));
  } catch (error) {
    return fail('authorization', oneLine(describe(error), 300));
  }
  redactor.learn(codeVerifier);
  record.pending = {
    state,
    codeVerifier,
    client,
    issuer,
    metadata,
    resource: resource.value.resource,
    redirectUri,
  };
  record.authorizationUrl = authorizationUrl.href;
  flows.byState.set(state, record.id);
  const sent = authorizationUrl.searchParams;
  update(record, 'authorization', {
    status: 'waiting',
    summary:
      'Open the authorization page, sign in and approve; the server then sends the browser back to MCP Doctor.',
    details: [
      'response_type',
      'client_id',
      'redirect_uri',
      'scope',
      'resource',
      'code_challenge_method',
      'code_challenge',
    ]
      .filter((k) => sent.has(k))
      .map((k) => [k, sent.get(k) ?? '']),
  });
}

export type CallbackOutcome = { ok: true; flowId: string } | { ok: false; message: string };

/**
 * The redirect back from the authorization server: checks `state` and RFC 9207 `iss`, exchanges
 * the code (with the PKCE verifier and `resource`), then re-runs the diagnosis with the token on
 * the server side. The token goes only into that run's target; the report redacts it.
 */
export async function completeFlow(
  params: URLSearchParams,
  options: FlowOptions = {},
): Promise<CallbackOutcome> {
  const state = params.get('state');
  const id = state ? flows.byState.take(state) : undefined;
  const record = id ? flows.byId.get(id) : undefined;
  const pending = record?.pending;
  if (!record || !pending || pending.state !== state) {
    return {
      ok: false,
      message:
        'This sign-in is unknown or has expired (state does not match a flow started in the last 15 minutes). Start again from the run page.',
    };
  }
  record.pending = null;
  record.authorizationUrl = null;
  const { recorder, redactor } = record;
  const code = params.get('code');
  redactor.learn(code);
  const fail = (
    step: FlowStepId,
    summary: string,
    more: Partial<FlowStep> = {},
  ): CallbackOutcome => {
    update(record, step, { status: 'failed', summary, ...more });
    record.state = 'failed';
    return { ok: true, flowId: record.id };
  };
  update(record, 'authorization', {
    status: 'ok',
    summary: 'The browser came back from the authorization server.',
  });

  const received: [string, string][] = [...params.keys()]
    .filter((k) => k !== 'code')
    .map((k) => [k, params.get(k) ?? '']);
  if (code) received.unshift(['code', '[redacted]']);
  const error = params.get('error');
  if (error) {
    return fail(
      'callback',
      `The authorization server answered ${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}.`,
      { details: received },
    );
  }
  // RFC 9207 §2.4: a client that knows the server sends `iss` must compare it (mix-up attacks).
  const iss = params.get('iss');
  const expectsIss =
    (pending.metadata as { authorization_response_iss_parameter_supported?: unknown })
      .authorization_response_iss_parameter_supported === true;
  if ((iss !== null || expectsIss) && iss !== pending.metadata.issuer) {
    return fail(
      'callback',
      iss === null
        ? 'The server advertises RFC 9207 but sent no iss parameter.'
        : `iss is ${iss}, not the issuer ${pending.metadata.issuer} (RFC 9207 §2.4).`,
      { details: received },
    );
  }
  if (!code) return fail('callback', 'The redirect carries no code.', { details: received });
  update(record, 'callback', {
    status: 'ok',
    summary: 'The state matches the request, and the code arrived.',
    details: received,
  });

  const dialer = createDialer(options.dial ?? defaultDialPolicy(), LIMITS.connectTimeoutMs);
  record.dialing.fetch = dialer.fetch;
  try {
    const mark = recorder.mark();
    const exchanged = await exchangeCode({ ...pending, code, recorder });
    if (!exchanged.ok) {
      return fail(
        'token',
        `The token request failed${exchanged.status ? ` (HTTP ${exchanged.status})` : ''}: ${exchanged.error ? `${exchanged.error}: ` : ''}${exchanged.message}`,
        { exchangeIds: recorder.idsSince(mark) },
      );
    }
    const { tokens } = exchanged;
    redactor.learn(tokens.access_token, tokens.refresh_token, tokens.id_token);
    update(record, 'token', {
      status: 'ok',
      summary: `Got a ${tokens.token_type} access token${tokens.expires_in ? ` valid for ${tokens.expires_in} s` : ''}. It stays on the MCP Doctor server.`,
      details: [
        ['scope', tokens.scope ?? '(not stated)'],
        ['refresh_token', tokens.refresh_token ? 'received (kept nowhere)' : 'none'],
      ],
      exchangeIds: recorder.idsSince(mark),
    });
    const rerun = options.rerun ?? defaultRerun;
    record.rerunId = rerun({
      url: new URL(record.url),
      headers: {},
      token: tokens.access_token,
      timeoutMs: LIMITS.runTimeoutMs,
      ...(record.checkRedirectUri ? { checkRedirectUri: true } : {}),
    });
    update(record, 'rerun', {
      status: 'ok',
      summary: `The diagnosis is running again with the token${record.checkRedirectUri ? ', and registers a test client with ChatGPT’s redirect URI (auth.redirect-uri)' : ''}.`,
    });
    record.state = 'done';
    return { ok: true, flowId: record.id };
  } finally {
    await dialer.close();
  }
}

export function flowView(id: string): FlowView | undefined {
  const record = flows.byId.get(id);
  return record ? viewOf(record) : undefined;
}

function update(record: FlowRecord, id: FlowStepId, change: Partial<FlowStep>): void {
  record.steps = record.steps.map((s) => (s.id === id ? { ...s, ...change } : s));
}

const flowId = (exchangeId: string) => `flow-${exchangeId}`;

function viewOf(record: FlowRecord): FlowView {
  return {
    id: record.id,
    url: record.url,
    state: record.state,
    createdAt: new Date(record.createdAt).toISOString(),
    expiresAt: new Date(record.createdAt + FLOW_TTL_MS).toISOString(),
    // A summary can quote the server (a token error that echoes the request's code, verifier and
    // client secret): the flow's redactor, which has learned each of them, goes over every one.
    steps: record.steps.map((s) => ({
      ...s,
      summary: record.redactor.text(s.summary),
      details: s.details.map(([name, value]) => [name, record.redactor.text(value)]),
      exchangeIds: s.exchangeIds.map(flowId),
    })),
    authorizationUrl: record.authorizationUrl,
    exchanges: record.recorder.snapshot().map((x) => ({ ...x, id: flowId(x.id) })),
    rerunId: record.rerunId,
  };
}
