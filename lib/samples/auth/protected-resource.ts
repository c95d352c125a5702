import type { OAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { ProtectedResourceConfig } from './config';
import { oauthState } from './state';

/** Protected resource metadata (RFC 9728 §2), as the SDK's `mcpAuthMetadataRouter` serves it. */
export function resourceMetadata(config: ProtectedResourceConfig): OAuthProtectedResourceMetadata {
  return {
    resource: config.advertisedResource,
    authorization_servers: [config.authorizationServer.base],
    scopes_supported: config.requiredScopes,
    bearer_methods_supported: ['header'],
    resource_name: 'MCP Doctor sample notes server',
  };
}

export function resourceMetadataResponse(config: ProtectedResourceConfig): Response {
  return Response.json(resourceMetadata(config), {
    headers: { 'access-control-allow-origin': '*' },
  });
}

/** The serialized URL without a fragment or one trailing slash, as the SDK's `requireBearerAuth` compares resources. */
const comparable = (value: string) => value.replace(/#.*$/, '').replace(/\/$/, '');

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * Bearer token validation for the sample MCP endpoint, adapted from the SDK's Express-only
 * `requireBearerAuth` to Web-standard Request/Response: a missing token gets a bare challenge
 * (RFC 6750 §3.1: no error code when no credentials were sent), an unknown, expired or wrong-audience
 * token `invalid_token` (401), a token without the scopes `insufficient_scope` (403).
 */
export async function withBearerAuth(
  request: Request,
  config: ProtectedResourceConfig,
  serve: (request: Request) => Promise<Response>,
): Promise<Response> {
  const header = request.headers.get('authorization');
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!header) return challenge(config, 401);
  if (!token)
    return challenge(config, 400, 'invalid_request', 'expected Authorization: Bearer <token>');
  const grant = oauthState.tokens.get(token);
  if (!grant || grant.server !== config.authorizationServer.base)
    return challenge(config, 401, 'invalid_token', 'the access token is unknown or expired');
  // MCP 2025-11-25 "Token Handling": a token must have been issued for this server (RFC 8707).
  if (grant.resource === null || comparable(grant.resource) !== comparable(config.resource)) {
    return challenge(
      config,
      401,
      'invalid_token',
      `the token was issued for ${grant.resource ?? 'no resource'}, not ${config.resource}`,
    );
  }
  if (!config.requiredScopes.every((s) => grant.scopes.includes(s))) {
    return challenge(
      config,
      403,
      'insufficient_scope',
      `the token lacks the scope ${config.requiredScopes.join(' ')}`,
    );
  }
  return serve(request);
}

function challenge(
  config: ProtectedResourceConfig,
  status: 400 | 401 | 403,
  error?: string,
  description?: string,
): Response {
  const params: string[] = [];
  if (error) params.push(`error=${quote(error)}`);
  if (description) params.push(`error_description=${quote(description)}`);
  params.push(`scope=${quote(config.requiredScopes.join(' '))}`);
  if (config.challengeNamesMetadata) params.push(`resource_metadata=${quote(config.metadataUrl)}`);
  else params.unshift('realm="mcp"');
  const body = error
    ? { error, error_description: description }
    : { error: 'unauthorized', error_description: 'authorization required' };
  return Response.json(body, {
    status,
    headers: { 'www-authenticate': `Bearer ${params.join(', ')}` },
  });
}
