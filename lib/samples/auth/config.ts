/**
 * How one sample authorization server (and the MCP endpoint it protects) behaves. The healthy sample
 * follows the MCP 2025-11-25 authorization spec; each broken variant changes one thing.
 */
export interface AuthServerConfig {
  /** Where clients are told the authorization server is (`authorization_servers[0]`); endpoints hang off it. */
  base: string;
  /** The `issuer` its metadata claims; equal to `base` unless the sample is about a mismatch. */
  issuer: string;
  /** Which discovery document it serves: RFC 8414, or only OpenID Connect Discovery. */
  flavor: 'oauth' | 'oidc';
  /** Advertise `code_challenge_methods_supported: ["S256"]`. */
  pkce: boolean;
  /** Offer dynamic client registration (RFC 7591). */
  registration: boolean;
  /** Accept client ID metadata documents (draft-ietf-oauth-client-id-metadata-document). */
  cimd: boolean;
  /** Advertise RFC 9207 `authorization_response_iss_parameter_supported`. */
  issParameter: boolean;
  scopes: string[];
}

export interface ProtectedResourceConfig {
  /** The MCP endpoint's URL (the resource identifier, RFC 8707). */
  resource: string;
  /** What the protected resource metadata's `resource` says; equal to `resource` unless broken on purpose. */
  advertisedResource: string;
  /** Where the protected resource metadata is served. */
  metadataUrl: string;
  /** Whether the 401 challenge names `resource_metadata` (RFC 9728 §5.1). */
  challengeNamesMetadata: boolean;
  /** Scopes a token needs (RFC 6750 §3 `scope`). */
  requiredScopes: string[];
  authorizationServer: AuthServerConfig;
}

/** Where a server with this config serves its metadata, per RFC 8414 §3.1 / OIDC Discovery §4. */
export function metadataPaths(config: AuthServerConfig): string[] {
  const base = new URL(config.base);
  const path = base.pathname.replace(/\/$/, '');
  return config.flavor === 'oauth'
    ? [`/.well-known/oauth-authorization-server${path}`]
    : [`/.well-known/openid-configuration${path}`, `${path}/.well-known/openid-configuration`];
}
