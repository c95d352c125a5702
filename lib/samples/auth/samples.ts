import type { Area, RowStatus } from '@/lib/report/schema';
import { appOrigin } from '../origin';
import type { ProtectedResourceConfig } from './config';

export const PROTECTED_RESOURCE_PREFIX = '/.well-known/oauth-protected-resource';

/** An OAuth sample: how its resource and authorization server are set up, built for an origin. */
export interface AuthSampleDefinition {
  slug: string;
  title: string;
  demonstrates: string;
  expected: Partial<Record<Area, RowStatus>>;
  configure(origin: string): ProtectedResourceConfig;
}

/** The healthy setup: every piece of MCP 2025-11-25 authorization that ChatGPT relies on. */
export function healthyConfig(origin: string, slug: string): ProtectedResourceConfig {
  const resource = `${origin}/samples/${slug}/mcp`;
  const base = `${origin}/samples/${slug}/oauth`;
  return {
    resource,
    advertisedResource: resource,
    metadataUrl: `${origin}${PROTECTED_RESOURCE_PREFIX}/samples/${slug}/mcp`,
    challengeNamesMetadata: true,
    requiredScopes: ['notes:read'],
    authorizationServer: {
      base,
      issuer: base,
      flavor: 'oauth',
      pkce: true,
      registration: true,
      cimd: true,
      issParameter: true,
      scopes: ['notes:read', 'notes:write'],
    },
  };
}

const variant =
  (
    change: (config: ProtectedResourceConfig, origin: string) => ProtectedResourceConfig,
    slug: string,
  ) =>
  (origin: string) =>
    change(healthyConfig(origin, slug), origin);

const withServer = (
  config: ProtectedResourceConfig,
  server: Partial<ProtectedResourceConfig['authorizationServer']>,
) => ({
  ...config,
  authorizationServer: { ...config.authorizationServer, ...server },
});

export const AUTH_SAMPLE_DEFINITIONS: AuthSampleDefinition[] = [
  {
    slug: 'oauth',
    title: 'OAuth-protected server',
    demonstrates:
      'A server behind OAuth done right: 401 with resource_metadata, protected resource and authorization server metadata, PKCE S256, client registration. Sign in from the Auth panel to see its tools.',
    expected: { auth: 'pass' },
    configure: (origin) => healthyConfig(origin, 'oauth'),
  },
  {
    slug: 'oauth-no-resource-metadata',
    title: 'OAuth: 401 without resource_metadata',
    demonstrates:
      'The 401 challenge does not say where the protected resource metadata is; clients must guess the well-known URLs.',
    expected: { auth: 'warn' },
    configure: variant(
      (c) => ({ ...c, challengeNamesMetadata: false }),
      'oauth-no-resource-metadata',
    ),
  },
  {
    slug: 'oauth-resource-mismatch',
    title: 'OAuth: metadata for another resource',
    demonstrates:
      'The protected resource metadata names another server as its resource, so clients refuse it.',
    expected: { auth: 'fail' },
    configure: variant(
      (c) => ({ ...c, advertisedResource: 'https://api.example.com/mcp' }),
      'oauth-resource-mismatch',
    ),
  },
  {
    slug: 'oauth-no-pkce',
    title: 'OAuth: no PKCE S256 advertised',
    demonstrates:
      'The authorization server metadata has no code_challenge_methods_supported; MCP clients must refuse to proceed.',
    expected: { auth: 'fail' },
    configure: variant((c) => withServer(c, { pkce: false }), 'oauth-no-pkce'),
  },
  {
    slug: 'oauth-no-registration',
    title: 'OAuth: no way to register a client',
    demonstrates:
      'Neither dynamic client registration nor client ID metadata documents: ChatGPT cannot become a client.',
    expected: { auth: 'fail' },
    configure: variant(
      (c) => withServer(c, { registration: false, cimd: false }),
      'oauth-no-registration',
    ),
  },
  {
    slug: 'oauth-wrong-issuer',
    title: 'OAuth: issuer mismatch',
    demonstrates:
      'The authorization server metadata claims another issuer than the URL it was found from (RFC 8414 §3.3).',
    expected: { auth: 'fail' },
    configure: variant(
      (c, origin) => withServer(c, { issuer: `${origin}/samples/oauth/oauth` }),
      'oauth-wrong-issuer',
    ),
  },
];

export const findAuthSample = (slug: string): AuthSampleDefinition | undefined =>
  AUTH_SAMPLE_DEFINITIONS.find((s) => s.slug === slug);

/** The sample's configuration at the dashboard's configured origin (never the request's Host). */
export function authSampleConfig(slug: string): ProtectedResourceConfig | undefined {
  return findAuthSample(slug)?.configure(appOrigin());
}
