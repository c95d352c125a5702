import { exchangeAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type {
  OAuthClientInformationFull,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { describe, oneLine } from '../errors';
import type { Recorder } from '../recorder';
import type { AuthorizationServerMetadata } from './discovery';

export type TokenExchange =
  | { ok: true; tokens: OAuthTokens; exchangeId: string | null; status: number | null }
  | {
      ok: false;
      exchangeId: string | null;
      status: number | null;
      error: string | null;
      message: string;
    };

/**
 * The authorization code grant's token request (RFC 6749 §4.1.3, with the PKCE verifier of RFC 7636
 * and the RFC 8707 resource), through the SDK's `exchangeAuthorization`, recorded and anonymous.
 */
export async function exchangeCode(args: {
  issuer: string;
  metadata: AuthorizationServerMetadata;
  client: OAuthClientInformationFull;
  code: string;
  codeVerifier: string;
  redirectUri: string;
  resource: string | null;
  recorder: Recorder;
}): Promise<TokenExchange> {
  const { recorder } = args;
  const mark = recorder.mark();
  const noted = () => {
    const exchangeId = recorder.idsSince(mark).at(-1) ?? null;
    return { exchangeId, status: exchangeId ? recorder.firstStatus([exchangeId]) : null };
  };
  try {
    const tokens = await exchangeAuthorization(args.issuer, {
      metadata: args.metadata,
      clientInformation: args.client,
      authorizationCode: args.code,
      codeVerifier: args.codeVerifier,
      redirectUri: args.redirectUri,
      // A string, sent as the metadata wrote it: `URL.href` would add a slash that exact-match
      // servers reject (SDK #1968).
      ...(args.resource ? { resource: args.resource } : {}),
      fetchFn: recorder.fetchAnonymous,
    });
    return { ok: true, tokens, ...noted() };
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
