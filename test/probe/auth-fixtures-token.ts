import {
  exchangeAuthorization,
  registerClient,
  startAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
import {
  beginAuthorization,
  decide,
  serverMetadata,
} from '@/lib/samples/auth/authorization-server';
import type { ProtectedResourceConfig } from '@/lib/samples/auth/config';

const REDIRECT = 'http://127.0.0.1:9/callback';

/**
 * A real access token from a sample authorization server, obtained the way a client does: dynamic
 * registration and the token exchange over HTTP with the SDK's client helpers; the user's consent
 * through the same functions the consent page calls.
 */
export async function obtainToken(
  config: ProtectedResourceConfig,
  scope = config.requiredScopes.join(' '),
): Promise<string> {
  const server = config.authorizationServer;
  const metadata = serverMetadata(server);
  const client = await registerClient(server.base, {
    metadata,
    clientMetadata: {
      client_name: 'test client',
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
    },
  });
  const { authorizationUrl, codeVerifier } = await startAuthorization(server.base, {
    metadata,
    clientInformation: client,
    redirectUrl: REDIRECT,
    scope,
    state: 'test-state',
    resource: new URL(config.resource),
  });
  const started = await beginAuthorization(authorizationUrl.searchParams, server);
  if (started.kind !== 'consent')
    throw new Error(`authorization refused: ${JSON.stringify(started)}`);
  const decided = decide(started.requestId, true, server);
  if (!('location' in decided)) throw new Error(decided.error);
  const code = new URL(decided.location).searchParams.get('code');
  if (!code) throw new Error(`no code in ${decided.location}`);
  const tokens = await exchangeAuthorization(server.base, {
    metadata,
    clientInformation: client,
    authorizationCode: code,
    codeVerifier,
    redirectUri: REDIRECT,
    resource: new URL(config.resource),
  });
  return tokens.access_token;
}
