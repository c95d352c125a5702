import { edgeFixture } from '@/lib/edges/fixtures';

/**
 * What an edge in front of a server answers in its place, served from the edge table's own
 * fixture (lib/edges/fixtures), so the sample shows exactly what connection.edge is tested on.
 */
export function handleEdgePage(name: string): () => Promise<Response> {
  const fixture = edgeFixture(name);
  if (!fixture) throw new Error(`no edge fixture ${name}`);
  return async () =>
    new Response(fixture.body, {
      status: fixture.status,
      statusText: fixture.statusText,
      headers: fixture.headers,
    });
}
