import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import { ExpiringMap, processSingleton } from '@/lib/oauth-flow/expiring-map';

/** A client an authorization server knows: registered (RFC 7591) or read from its metadata document. */
export interface KnownClient {
  /** The authorization server (its `base`) the client belongs to. */
  server: string;
  info: OAuthClientInformationFull;
  via: 'registration' | 'metadata-document';
}

/** An authorization request waiting for the user's decision on the consent page. */
export interface PendingAuthorization {
  server: string;
  clientId: string;
  clientName: string;
  redirectUri: string;
  codeChallenge: string;
  state: string | null;
  scopes: string[];
  resource: string | null;
}

export type IssuedCode = Omit<PendingAuthorization, 'clientName'>;

export interface IssuedToken {
  server: string;
  clientId: string;
  scopes: string[];
  /** The RFC 8707 resource the token was issued for (its audience). */
  resource: string | null;
  expiresAt: number;
}

const MINUTE = 60_000;

/**
 * The sample authorization servers' memory: bounded, every entry expiring. Tokens and secrets
 * live only here, in the server process.
 */
export const oauthState = processSingleton('sample-oauth-state', () => ({
  clients: new ExpiringMap<KnownClient>(500, 24 * 60 * MINUTE),
  pending: new ExpiringMap<PendingAuthorization>(500, 10 * MINUTE),
  codes: new ExpiringMap<IssuedCode>(500, 2 * MINUTE),
  tokens: new ExpiringMap<IssuedToken>(2000, 60 * MINUTE),
  refreshTokens: new ExpiringMap<Omit<IssuedToken, 'expiresAt'>>(2000, 24 * 60 * MINUTE),
}));

export const ACCESS_TOKEN_SECONDS = 3600;
