import type { OAuthClientMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import { appOrigin } from '@/lib/samples/origin';

export const CALLBACK_PATH = '/api/oauth/callback';
export const CLIENT_METADATA_PATH = '/api/oauth/client-metadata';

/** The dashboard as an OAuth client: where the authorization server sends the user back. */
export const callbackUrl = (): string => `${appOrigin()}${CALLBACK_PATH}`;

/** Its client ID when it uses a client ID metadata document: the document's own URL. */
export const clientMetadataUrl = (): string => `${appOrigin()}${CLIENT_METADATA_PATH}`;

/** What the dashboard registers (RFC 7591) or publishes as its client ID metadata document: a public client. */
export function dashboardClientMetadata(): OAuthClientMetadata {
  return {
    client_name: 'MCP Doctor',
    client_uri: appOrigin(),
    redirect_uris: [callbackUrl()],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
}

/** The client ID metadata document (draft-ietf-oauth-client-id-metadata-document §4): `client_id` is its URL. */
export function clientMetadataDocument(): OAuthClientMetadata & { client_id: string } {
  return { client_id: clientMetadataUrl(), ...dashboardClientMetadata() };
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/**
 * Whether the authorization server can use the dashboard's metadata document: the spec wants an
 * https client_id with a path; on a developer's machine (dashboard and server both on loopback) the
 * server can still fetch it over http, so that case is allowed too.
 */
export function metadataDocumentUsable(issuer: string): boolean {
  const client = new URL(clientMetadataUrl());
  if (client.protocol === 'https:') return true;
  return (
    isLoopback(client.hostname) && URL.canParse(issuer) && isLoopback(new URL(issuer).hostname)
  );
}
