import { registerClient } from '@modelcontextprotocol/sdk/client/auth.js';
import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type {
  OAuthClientInformationFull,
  OAuthClientMetadata,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import type { RedirectUriProbe } from '@/lib/report/schema-auth';
import { describe, oneLine } from '../errors';
import type { Recorder } from '../recorder';
import type { AuthorizationServerMetadata } from './discovery';

/** ChatGPT's stable OAuth callback (Apps SDK "Authentication"). */
export const CHATGPT_REDIRECT_URI = 'https://chatgpt.com/connector_platform_oauth_redirect';

export type Registration =
  | {
      ok: true;
      client: OAuthClientInformationFull;
      exchangeId: string | null;
      status: number | null;
    }
  | {
      ok: false;
      exchangeId: string | null;
      status: number | null;
      /** RFC 7591 §3.2.2 `error`, when the server sent one. */
      error: string | null;
      message: string;
    };

/**
 * Dynamic client registration (RFC 7591) through the SDK's `registerClient`, recorded. Anonymous:
 * registration never carries the user's credentials for the MCP server.
 */
export async function register(
  issuer: string,
  metadata: AuthorizationServerMetadata,
  clientMetadata: OAuthClientMetadata,
  recorder: Recorder,
  scope?: string,
): Promise<Registration> {
  const mark = recorder.mark();
  const noted = () => {
    const ids = recorder.idsSince(mark);
    const exchangeId = ids.at(-1) ?? null;
    return { exchangeId, status: exchangeId ? recorder.firstStatus([exchangeId]) : null };
  };
  try {
    const client = await registerClient(issuer, {
      metadata,
      clientMetadata,
      scope,
      fetchFn: recorder.fetchAnonymous,
    });
    return { ok: true, client, ...noted() };
  } catch (error) {
    if (error instanceof OAuthError && error.errorCode !== 'server_error') {
      return {
        ok: false,
        ...noted(),
        error: error.errorCode,
        message: oneLine(error.message || error.errorCode, 300),
      };
    }
    return { ok: false, ...noted(), error: null, message: oneLine(describe(error), 300) };
  }
}

/**
 * The opt-in `auth.redirect-uri` probe: registers a client with ChatGPT's redirect URI, as ChatGPT
 * does, and records whether the server accepts it. It creates a real (unused) client on the
 * authorization server, which is why it runs only when the user asks.
 */
export async function probeRedirectUri(
  issuer: string | null,
  metadata: AuthorizationServerMetadata | undefined,
  recorder: Recorder,
): Promise<RedirectUriProbe> {
  const base = {
    redirectUri: CHATGPT_REDIRECT_URI,
    registrationEndpoint: metadata?.registration_endpoint ?? null,
  };
  const notRun = (reason: string): RedirectUriProbe => ({
    ...base,
    outcome: 'not-run',
    exchangeId: null,
    status: null,
    error: reason,
    errorDescription: null,
  });
  if (!issuer || !metadata)
    return notRun('no authorization server metadata to find a registration endpoint in');
  if (!metadata.registration_endpoint)
    return notRun('the authorization server has no registration_endpoint');

  const result = await register(
    issuer,
    metadata,
    {
      client_name: 'MCP Doctor redirect URI check (as ChatGPT)',
      redirect_uris: [CHATGPT_REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    recorder,
  );
  if (result.ok) {
    const kept = result.client.redirect_uris.includes(CHATGPT_REDIRECT_URI);
    return {
      ...base,
      outcome: kept ? 'accepted' : 'rejected',
      exchangeId: result.exchangeId,
      status: result.status,
      error: kept ? null : 'redirect_uri_dropped',
      errorDescription: kept
        ? null
        : `registered, but the client's redirect_uris are ${JSON.stringify(result.client.redirect_uris).slice(0, 200)}`,
    };
  }
  const rejected = result.status !== null && result.status >= 400 && result.status < 500;
  return {
    ...base,
    outcome: rejected ? 'rejected' : 'error',
    exchangeId: result.exchangeId,
    status: result.status,
    error: result.error,
    errorDescription: result.message,
  };
}
