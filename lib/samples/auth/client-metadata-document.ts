import { InvalidClientError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import {
  OAuthClientMetadataSchema,
  type OAuthClientInformationFull,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { appOrigin } from '../origin';

const MAX_BYTES = 16 * 1024;
const TIMEOUT_MS = 5_000;

/**
 * Reads a client ID metadata document (draft-ietf-oauth-client-id-metadata-document §4; MCP
 * 2025-11-25 "Client ID Metadata Documents"): JSON whose `client_id` is exactly its own URL, with
 * the client's redirect URIs. The samples fetch only documents on the dashboard's own origin, so a
 * sample authorization server cannot be used to make the dashboard request arbitrary URLs (the
 * draft's §6.5 SSRF warning). The https rule is relaxed for a loopback origin, where it cannot hold.
 */
export async function fetchClientMetadataDocument(
  clientId: string,
): Promise<OAuthClientInformationFull> {
  const url = new URL(clientId);
  const own = new URL(appOrigin());
  if (url.origin !== own.origin)
    throw new InvalidClientError(`client metadata documents are read only from ${own.origin}`);
  if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new InvalidClientError('a client_id URL must use https');
  }
  if (url.pathname === '/') throw new InvalidClientError('a client_id URL must have a path');

  const response = await fetch(url, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
    headers: { accept: 'application/json' },
  });
  if (!response.ok)
    throw new InvalidClientError(`the client metadata document answered HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BYTES)
    throw new InvalidClientError('the client metadata document is too large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidClientError('the client metadata document is not JSON');
  }
  const parsed = OAuthClientMetadataSchema.safeParse(json);
  if (!parsed.success)
    throw new InvalidClientError(
      `the client metadata document is invalid: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  if ((json as { client_id?: unknown }).client_id !== clientId) {
    throw new InvalidClientError('the document’s client_id differs from its URL');
  }
  return {
    ...parsed.data,
    client_id: clientId,
    token_endpoint_auth_method: parsed.data.token_endpoint_auth_method ?? 'none',
  };
}
