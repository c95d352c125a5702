import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  AccessDeniedError,
  CustomOAuthError,
  InvalidClientError,
  InvalidClientMetadataError,
  InvalidGrantError,
  InvalidRequestError,
  InvalidScopeError,
  InvalidTargetError,
  OAuthError,
  ServerError,
  UnsupportedGrantTypeError,
  UnsupportedResponseTypeError,
} from '@modelcontextprotocol/sdk/server/auth/errors.js';
import {
  OAuthClientMetadataSchema,
  type OAuthClientInformationFull,
  type OAuthMetadata,
  type OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { fetchClientMetadataDocument } from './client-metadata-document';
import type { AuthServerConfig } from './config';
import {
  ACCESS_TOKEN_SECONDS,
  oauthState,
  type KnownClient,
  type PendingAuthorization,
} from './state';

const MAX_BODY = 64 * 1024;
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * The metadata document (RFC 8414 §2; OIDC Discovery §3 for the OIDC flavour). Shaped like the SDK's
 * `createOAuthMetadata` output, with the fields each broken sample leaves out or changes.
 */
export function serverMetadata(config: AuthServerConfig): OAuthMetadata {
  const base = config.base.replace(/\/$/, '');
  return {
    issuer: config.issuer,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    ...(config.registration ? { registration_endpoint: `${base}/register` } : {}),
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
    scopes_supported: config.scopes,
    ...(config.pkce ? { code_challenge_methods_supported: ['S256'] } : {}),
    ...(config.cimd ? { client_id_metadata_document_supported: true } : {}),
    ...(config.issParameter ? { authorization_response_iss_parameter_supported: true } : {}),
    ...(config.flavor === 'oidc'
      ? {
          jwks_uri: `${base}/jwks`,
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }
      : {}),
  };
}

export function metadataResponse(config: AuthServerConfig): Response {
  // Public metadata, readable from browsers (RFC 8414 §3; the SDK's metadata handler allows any origin too).
  return Response.json(serverMetadata(config), { headers: { 'access-control-allow-origin': '*' } });
}

function oauthError(error: OAuthError, status = 400): Response {
  return Response.json(error.toResponseObject(), { status, headers: NO_STORE });
}

async function readBody(request: Request): Promise<string> {
  const text = await request.text();
  if (text.length > MAX_BODY) throw new InvalidRequestError('request body too large');
  return text;
}

/** OAuth 2.1 §1.5 / MCP: redirect URIs are https, or http on a loopback host (RFC 8252 §7.3). */
function acceptableRedirect(uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  if (url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** Exact match, except the port of a loopback redirect (RFC 8252 §7.3), as the SDK's handler allows. */
function redirectMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true;
  if (!URL.canParse(requested) || !URL.canParse(registered)) return false;
  const [a, b] = [new URL(requested), new URL(registered)];
  return (
    isLoopback(a.hostname) &&
    a.protocol === b.protocol &&
    a.hostname === b.hostname &&
    a.pathname === b.pathname &&
    a.search === b.search
  );
}

/** Dynamic client registration (RFC 7591 §3), following the SDK's `clientRegistrationHandler`. */
export async function registerClient(
  request: Request,
  config: AuthServerConfig,
): Promise<Response> {
  if (!config.registration) return new Response('Not Found', { status: 404 });
  if (request.method !== 'POST')
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'POST' } });
  try {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch (error) {
      if (error instanceof OAuthError) throw error;
      throw new InvalidClientMetadataError('the body is not JSON');
    }
    const parsed = OAuthClientMetadataSchema.safeParse(body);
    if (!parsed.success)
      throw new InvalidClientMetadataError(
        parsed.error.issues[0]?.message ?? 'invalid client metadata',
      );
    const metadata = parsed.data;
    const bad = metadata.redirect_uris.find((uri) => !acceptableRedirect(uri));
    if (bad !== undefined) {
      throw new CustomOAuthError(
        'invalid_redirect_uri',
        `redirect URI ${bad} is neither https nor a loopback http URI`,
      );
    }
    const isPublic = metadata.token_endpoint_auth_method === 'none';
    const info: OAuthClientInformationFull = {
      ...metadata,
      token_endpoint_auth_method: metadata.token_endpoint_auth_method ?? 'client_secret_basic',
      client_id: randomUUID(),
      client_id_issued_at: Math.floor(Date.now() / 1000),
      ...(isPublic
        ? {}
        : { client_secret: randomBytes(32).toString('base64url'), client_secret_expires_at: 0 }),
    };
    oauthState.clients.set(clientKey(config, info.client_id), {
      server: config.base,
      info,
      via: 'registration',
    });
    return Response.json(info, { status: 201, headers: NO_STORE });
  } catch (error) {
    return oauthError(
      error instanceof OAuthError ? error : new ServerError('Internal Server Error'),
      error instanceof ServerError ? 500 : 400,
    );
  }
}

const clientKey = (config: AuthServerConfig, clientId: string) => `${config.base} ${clientId}`;

async function findClient(
  config: AuthServerConfig,
  clientId: string,
): Promise<KnownClient | undefined> {
  const known = oauthState.clients.get(clientKey(config, clientId));
  if (known) return known;
  if (!config.cimd || !URL.canParse(clientId)) return undefined;
  const info = await fetchClientMetadataDocument(clientId);
  const client: KnownClient = { server: config.base, info, via: 'metadata-document' };
  oauthState.clients.set(clientKey(config, clientId), client, 10 * 60_000);
  return client;
}

/** What the consent page shows, or where the browser goes instead. */
export type AuthorizationStart =
  | { kind: 'consent'; requestId: string; request: PendingAuthorization; via: KnownClient['via'] }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; error: string; description: string };

/**
 * The authorization endpoint's checks, split as the SDK's `authorizationHandler` splits them:
 * client and redirect URI first (errors shown, never redirected: RFC 6749 §4.1.2.1), then the rest
 * (errors sent back to the redirect URI). Success parks the request until the user decides.
 */
export async function beginAuthorization(
  params: URLSearchParams,
  config: AuthServerConfig,
): Promise<AuthorizationStart> {
  const clientId = params.get('client_id');
  let client: KnownClient | undefined;
  try {
    if (!clientId) throw new InvalidRequestError('client_id is missing');
    client = await findClient(config, clientId);
  } catch (error) {
    const e =
      error instanceof OAuthError
        ? error
        : new InvalidClientError(error instanceof Error ? error.message : String(error));
    return { kind: 'error', error: e.errorCode, description: e.message };
  }
  if (!client || !clientId)
    return {
      kind: 'error',
      error: 'invalid_client',
      description: `unknown client_id ${clientId?.slice(0, 200)}`,
    };
  const requested = params.get('redirect_uri');
  const registered = client.info.redirect_uris;
  let redirectUri: string;
  if (requested !== null) {
    if (!registered.some((uri) => redirectMatches(requested, uri))) {
      return {
        kind: 'error',
        error: 'invalid_request',
        description: `redirect_uri ${requested.slice(0, 200)} is not registered for this client`,
      };
    }
    redirectUri = requested;
  } else if (registered.length === 1 && registered[0]) {
    redirectUri = registered[0];
  } else {
    return {
      kind: 'error',
      error: 'invalid_request',
      description: 'redirect_uri is required when a client has several',
    };
  }

  const state = params.get('state');
  const back = (error: OAuthError): AuthorizationStart => ({
    kind: 'redirect',
    location: errorRedirect(config, redirectUri, error, state),
  });
  if (params.get('response_type') !== 'code')
    return back(new UnsupportedResponseTypeError('response_type must be code'));
  const codeChallenge = params.get('code_challenge');
  // OAuth 2.1 §4.1.1: PKCE is required; only S256 is accepted here, as MCP clients must use it.
  if (!codeChallenge) return back(new InvalidRequestError('code_challenge is required (PKCE)'));
  if (params.get('code_challenge_method') !== 'S256')
    return back(new InvalidRequestError('code_challenge_method must be S256'));
  const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
  const unknown = scopes.filter((s) => !config.scopes.includes(s));
  if (unknown.length) return back(new InvalidScopeError(`unknown scope ${unknown.join(' ')}`));
  const resource = params.get('resource');
  if (resource !== null && (!URL.canParse(resource) || new URL(resource).hash)) {
    return back(
      new InvalidTargetError('resource must be an absolute URI without a fragment (RFC 8707 §2)'),
    );
  }

  const request: PendingAuthorization = {
    server: config.base,
    clientId,
    clientName: client.info.client_name ?? clientId,
    redirectUri,
    codeChallenge,
    state,
    scopes: scopes.length ? scopes : config.scopes,
    resource,
  };
  const requestId = randomBytes(18).toString('base64url');
  oauthState.pending.set(requestId, request);
  return { kind: 'consent', requestId, request, via: client.via };
}

/** A request still waiting on the consent page (for rendering it again). */
export function pendingAuthorization(
  requestId: string,
  config: AuthServerConfig,
): PendingAuthorization | undefined {
  const request = oauthState.pending.get(requestId);
  return request?.server === config.base ? request : undefined;
}

/**
 * The user's decision: a code (RFC 6749 §4.1.2) with `state` and, when advertised, `iss` (RFC 9207),
 * or `access_denied`. The pending request is used up either way.
 */
export function decide(
  requestId: string,
  approve: boolean,
  config: AuthServerConfig,
): { location: string } | { error: string } {
  const request = oauthState.pending.take(requestId);
  if (!request || request.server !== config.base)
    return {
      error:
        'This authorization request has expired or was already answered. Start again from the client.',
    };
  if (!approve)
    return {
      location: errorRedirect(
        config,
        request.redirectUri,
        new AccessDeniedError('the user denied access'),
        request.state,
      ),
    };
  const code = randomBytes(24).toString('base64url');
  const { clientName: _shown, ...issued } = request;
  oauthState.codes.set(code, issued);
  const url = new URL(request.redirectUri);
  url.searchParams.set('code', code);
  if (request.state !== null) url.searchParams.set('state', request.state);
  if (config.issParameter) url.searchParams.set('iss', config.issuer);
  return { location: url.href };
}

function errorRedirect(
  config: AuthServerConfig,
  redirectUri: string,
  error: OAuthError,
  state: string | null,
): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error.errorCode);
  url.searchParams.set('error_description', error.message);
  if (state !== null) url.searchParams.set('state', state);
  if (config.issParameter) url.searchParams.set('iss', config.issuer);
  return url.href;
}

/** RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) must equal the challenge. */
function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

function secretMatches(given: string | undefined, expected: string | undefined): boolean {
  if (expected === undefined) return true;
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Client authentication at the token endpoint: `client_secret_basic`, `client_secret_post` or `none` (RFC 6749 §2.3.1). */
async function authenticateClient(
  request: Request,
  form: URLSearchParams,
  config: AuthServerConfig,
): Promise<KnownClient> {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = request.headers.get('authorization')?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (!clientId) throw new InvalidClientError('client authentication is missing');
  const client = await findClient(config, clientId).catch(() => undefined);
  if (!client || !secretMatches(secret, client.info.client_secret))
    throw new InvalidClientError('client authentication failed');
  return client;
}

/** The token endpoint (RFC 6749 §3.2, §4.1.3, §6; RFC 8707 §2.2), following the SDK's `tokenHandler`. */
export async function tokenEndpoint(request: Request, config: AuthServerConfig): Promise<Response> {
  if (request.method !== 'POST')
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'POST' } });
  try {
    const form = new URLSearchParams(await readBody(request));
    const client = await authenticateClient(request, form, config);
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') return issueForCode(form, client, config);
    if (grant === 'refresh_token') return issueForRefresh(form, client, config);
    throw new UnsupportedGrantTypeError(`grant_type ${grant ?? '(missing)'} is not supported`);
  } catch (error) {
    if (error instanceof InvalidClientError) return oauthError(error, 401);
    return oauthError(
      error instanceof OAuthError ? error : new ServerError('Internal Server Error'),
      error instanceof OAuthError ? 400 : 500,
    );
  }
}

function issueForCode(
  form: URLSearchParams,
  client: KnownClient,
  config: AuthServerConfig,
): Response {
  const code = form.get('code') ?? '';
  const verifier = form.get('code_verifier');
  const issued = oauthState.codes.take(code);
  if (!issued || issued.server !== config.base || issued.clientId !== client.info.client_id) {
    throw new InvalidGrantError('the authorization code is invalid, expired or already used');
  }
  if (!verifier) throw new InvalidRequestError('code_verifier is required (PKCE)');
  if (!pkceMatches(verifier, issued.codeChallenge))
    throw new InvalidGrantError('code_verifier does not match the challenge');
  if (form.get('redirect_uri') !== issued.redirectUri)
    throw new InvalidGrantError('redirect_uri differs from the authorization request');
  const resource = form.get('resource');
  if (resource !== null && issued.resource !== null && resource !== issued.resource) {
    throw new InvalidTargetError('resource differs from the authorization request');
  }
  return tokenResponse({
    server: config.base,
    clientId: client.info.client_id,
    scopes: issued.scopes,
    resource: resource ?? issued.resource,
  });
}

function issueForRefresh(
  form: URLSearchParams,
  client: KnownClient,
  config: AuthServerConfig,
): Response {
  // Public clients' refresh tokens rotate (OAuth 2.1 §4.3.1): the old one is used up.
  const grant = oauthState.refreshTokens.take(form.get('refresh_token') ?? '');
  if (!grant || grant.server !== config.base || grant.clientId !== client.info.client_id) {
    throw new InvalidGrantError('the refresh token is invalid or expired');
  }
  return tokenResponse(grant);
}

function tokenResponse(grant: {
  server: string;
  clientId: string;
  scopes: string[];
  resource: string | null;
}): Response {
  const accessToken = randomBytes(32).toString('base64url');
  const refreshToken = randomBytes(32).toString('base64url');
  oauthState.tokens.set(accessToken, {
    ...grant,
    expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000,
  });
  oauthState.refreshTokens.set(refreshToken, grant);
  const body: OAuthTokens = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: grant.scopes.join(' '),
    refresh_token: refreshToken,
  };
  return Response.json(body, { headers: NO_STORE });
}
