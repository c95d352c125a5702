import { clientMetadataDocument } from '@/lib/oauth-flow/dashboard-client';

// Its URLs come from the configured origin at request time, never from a build-time render.
export const dynamic = 'force-dynamic';

/**
 * The dashboard's client ID metadata document (draft-ietf-oauth-client-id-metadata-document):
 * authorization servers that support it fetch this URL, which is also the dashboard's `client_id`.
 */
export function GET(): Response {
  return Response.json(clientMetadataDocument(), {
    headers: { 'cache-control': 'public, max-age=300' },
  });
}
