import { handleMcpRequest } from '../handler';
import { metadataResponse, registerClient, tokenEndpoint } from './authorization-server';
import { metadataPaths, type ProtectedResourceConfig } from './config';
import { notesServer } from './notes-server';
import { resourceMetadataResponse, withBearerAuth } from './protected-resource';
import { authSampleConfig } from './samples';

const notFound = () =>
  new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });

/**
 * Every HTTP endpoint of one protected MCP server and its authorization server, routed by path: the
 * MCP endpoint (behind bearer auth), its protected resource metadata, the authorization server's
 * metadata, registration and token endpoints. The consent page is a page of the app; its logic is
 * `beginAuthorization`/`decide`. Serves the app's samples and the loopback servers of the tests.
 */
export async function handleProtectedServer(
  request: Request,
  config: ProtectedResourceConfig,
): Promise<Response> {
  const path = new URL(request.url).pathname;
  const server = config.authorizationServer;
  const base = new URL(server.base).pathname.replace(/\/$/, '');
  if (path === new URL(config.resource).pathname) {
    return withBearerAuth(request, config, (authorized) =>
      handleMcpRequest(authorized, notesServer),
    );
  }
  const isGet = request.method === 'GET' || request.method === 'HEAD';
  if (path === new URL(config.metadataUrl).pathname)
    return isGet ? resourceMetadataResponse(config) : methodNotAllowed('GET');
  if (metadataPaths(server).includes(path))
    return isGet ? metadataResponse(server) : methodNotAllowed('GET');
  if (path === `${base}/register`) return registerClient(request, server);
  if (path === `${base}/token`) return tokenEndpoint(request, server);
  if (path === `${base}/jwks` && server.flavor === 'oidc') return Response.json({ keys: [] });
  return notFound();
}

const methodNotAllowed = (allow: string) =>
  new Response('Method Not Allowed', { status: 405, headers: { allow } });

/** An app route's request for an OAuth sample, by slug. */
export function handleAuthSample(slug: string, request: Request): Promise<Response> {
  const config = authSampleConfig(slug);
  return config ? handleProtectedServer(request, config) : Promise.resolve(notFound());
}

/** `/.well-known/<kind>/samples/<slug>/…`: the sample whose document it is, or null. */
export function sampleForWellKnown(path: readonly string[]): string | null {
  return path[0] === 'samples' && path[1] ? path[1] : null;
}
