import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerClient, startAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import {
  beginAuthorization,
  decide,
  serverMetadata,
} from '@/lib/samples/auth/authorization-server';
import type { ProtectedResourceConfig } from '@/lib/samples/auth/config';
import { authSampleConfig } from '@/lib/samples/auth/samples';
import type { Running } from '../fixtures/servers';
import { authSamplesServer } from './auth-fixtures';
import { obtainToken } from './auth-fixtures-token';

const REDIRECT = 'http://127.0.0.1:9/cb';
let server: Running;
let config: ProtectedResourceConfig;
beforeAll(async () => {
  server = await authSamplesServer();
  config = authSampleConfig('oauth')!;
});
afterAll(async () => {
  await server.close();
});

const as = () => config.authorizationServer;
const register = (redirect_uris: string[]) =>
  fetch(`${as().base}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirect_uris, token_endpoint_auth_method: 'none' }),
  });

async function codeFor(client: OAuthClientInformationFull) {
  const { authorizationUrl, codeVerifier } = await startAuthorization(as().base, {
    metadata: serverMetadata(as()),
    clientInformation: client,
    redirectUrl: REDIRECT,
    state: 's1',
    resource: config.resource,
  });
  const started = await beginAuthorization(authorizationUrl.searchParams, as());
  if (started.kind !== 'consent') throw new Error('no consent');
  const decided = decide(started.requestId, true, as());
  if (!('location' in decided)) throw new Error(decided.error);
  return { code: new URL(decided.location).searchParams.get('code')!, codeVerifier };
}

const token = (form: Record<string, string>) =>
  fetch(`${as().base}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });

describe('the sample authorization server', () => {
  it('registers https and loopback redirect URIs (ChatGPT’s included), and refuses plain http elsewhere', async () => {
    const ok = await register(['https://chatgpt.com/connector_platform_oauth_redirect', REDIRECT]);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      client_id: expect.any(String),
      redirect_uris: ['https://chatgpt.com/connector_platform_oauth_redirect', REDIRECT],
    });
    const refused = await register(['http://evil.example/cb']);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_redirect_uri' });
  });

  it('refuses the code with a wrong verifier, and the code twice', async () => {
    const client = await registerClient(as().base, {
      metadata: serverMetadata(as()),
      clientMetadata: { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' },
    });
    const { code, codeVerifier } = await codeFor(client);
    const base = {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      redirect_uri: REDIRECT,
    };
    const wrong = await token({ ...base, code, code_verifier: `${codeVerifier}x` });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([
      400,
      'invalid_grant',
    ]);
    // The failed attempt used the code up.
    const again = await token({ ...base, code, code_verifier: codeVerifier });
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
    const anonymous = await token({
      grant_type: 'authorization_code',
      code: 'x',
      code_verifier: 'y',
    });
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([
      401,
      'invalid_client',
    ]);
  });

  it('shows errors before the redirect for an unregistered redirect URI, after it for the rest', async () => {
    const client = await registerClient(as().base, {
      metadata: serverMetadata(as()),
      clientMetadata: { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' },
    });
    const params = (extra: Record<string, string>) =>
      new URLSearchParams({
        client_id: client.client_id,
        response_type: 'code',
        redirect_uri: REDIRECT,
        state: 's2',
        ...extra,
      });
    expect(
      await beginAuthorization(
        params({
          redirect_uri: 'https://evil.example/cb',
          code_challenge: 'c',
          code_challenge_method: 'S256',
        }),
        as(),
      ),
    ).toMatchObject({ kind: 'error', error: 'invalid_request' });
    const plain = await beginAuthorization(
      params({ code_challenge: 'c', code_challenge_method: 'plain' }),
      as(),
    );
    expect(plain.kind).toBe('redirect');
    const back = new URL(plain.kind === 'redirect' ? plain.location : '');
    expect(Object.fromEntries(back.searchParams)).toMatchObject({
      error: 'invalid_request',
      state: 's2',
      iss: as().issuer,
    });
  });
});

describe('the sample MCP endpoint', () => {
  const post = (authorization?: string) =>
    fetch(config.resource, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });

  it('challenges a request without a token without an error code (RFC 6750 §3.1)', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer scope="notes:read", resource_metadata="${config.metadataUrl}"`,
    );
  });

  it('refuses a token of its own authorization server issued for another resource (audience)', async () => {
    const foreign = await obtainToken({ ...config, resource: 'https://other.example/mcp' });
    const response = await post(`Bearer ${foreign}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(
      'error="invalid_token", error_description="the token was issued for https://other.example/mcp',
    );
  });

  it('refuses a token from another authorization server', async () => {
    const foreign = await obtainToken(authSampleConfig('oauth-no-pkce')!);
    const response = await post(`Bearer ${foreign}`);
    expect(response.headers.get('www-authenticate')).toContain(
      'error_description="the access token is unknown or expired"',
    );
  });
});
