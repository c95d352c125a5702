import type { Transcript } from '@/lib/report/schema';
import type { AuthDocument, AuthProbe } from '@/lib/report/schema-auth';
import { exchange, response, transcript } from '../../testing';

/**
 * Transcripts for the auth checks' tests: https://example.com/mcp answers 401 and everything a
 * client needs is in order (metadata advertised and found, an authorization server at
 * https://auth.example.com with PKCE S256, registration and RFC 9207). Each test changes one thing.
 */
export const MCP_URL = 'https://example.com/mcp';
export const PRM_URL = 'https://example.com/.well-known/oauth-protected-resource/mcp';
export const ISSUER = 'https://auth.example.com';
export const AS_URL = 'https://auth.example.com/.well-known/oauth-authorization-server';

export function healthyAuth(): AuthProbe {
  const header = `Bearer resource_metadata="${PRM_URL}", scope="files:read"`;
  return {
    required: true,
    challenge: {
      exchangeId: 'x1',
      status: 401,
      withCredentials: false,
      header,
      challenges: [
        {
          scheme: 'Bearer',
          params: { resource_metadata: PRM_URL, scope: 'files:read' },
          token68: null,
        },
      ],
      bearer: {
        resourceMetadata: PRM_URL,
        scope: 'files:read',
        error: null,
        errorDescription: null,
      },
      sdk: { resourceMetadataUrl: PRM_URL, scope: 'files:read', error: null },
    },
    discovery: [
      {
        kind: 'protected-resource',
        form: 'advertised',
        url: PRM_URL,
        issuer: null,
        exchangeId: 'x2',
        status: 200,
        outcome: 'found',
        detail: 'metadata found',
        beyondSpec: false,
      },
      {
        kind: 'authorization-server',
        form: 'oauth',
        url: AS_URL,
        issuer: ISSUER,
        exchangeId: 'x3',
        status: 200,
        outcome: 'found',
        detail: 'metadata found',
        beyondSpec: false,
      },
    ],
    documents: [
      {
        kind: 'protected-resource',
        url: PRM_URL,
        exchangeId: 'x2',
        issuer: null,
        format: null,
        json: {
          resource: MCP_URL,
          authorization_servers: [ISSUER],
          scopes_supported: ['files:read'],
        },
        problems: [],
        beyondSpec: false,
      },
      {
        kind: 'authorization-server',
        url: AS_URL,
        exchangeId: 'x3',
        issuer: ISSUER,
        format: 'oauth',
        json: {
          issuer: ISSUER,
          authorization_endpoint: `${ISSUER}/authorize`,
          token_endpoint: `${ISSUER}/token`,
          registration_endpoint: `${ISSUER}/register`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
          scopes_supported: ['files:read', 'files:write'],
          authorization_response_iss_parameter_supported: true,
        },
        problems: [],
        beyondSpec: false,
      },
    ],
    authorizationServer: { issuer: ISSUER, source: 'protected-resource' },
    token: null,
    redirectUri: null,
  };
}

/** The healthy 401 run, with `change` applied to its auth record. */
export function authTranscript(
  change: (auth: AuthProbe) => void = () => {},
  overrides: Partial<Transcript> = {},
): Transcript {
  const auth = healthyAuth();
  change(auth);
  const base = transcript();
  return {
    ...base,
    steps: [
      ...base.steps.filter((s) => s.id === 'dns' || s.id === 'tcp' || s.id === 'tls'),
      {
        id: 'initialize',
        status: 'failed',
        durationMs: 20,
        summary: 'HTTP 401',
        error: { code: 'http-status', message: 'HTTP 401' },
      },
      {
        id: 'auth',
        status: 'ok',
        durationMs: 30,
        summary: `HTTP 401; authorization server ${ISSUER}`,
        error: null,
      },
    ],
    mcp: {
      attempts: [
        {
          url: MCP_URL,
          transport: 'streamable-http',
          era: 'legacy',
          guessed: false,
          ok: false,
          status: 401,
          error: { code: 'http-status', message: 'HTTP 401' },
          exchangeIds: ['x1'],
        },
      ],
      transport: null,
      initializeResult: null,
      initializeExchangeId: 'x1',
      sessionId: null,
      transportErrors: [],
      sessionEra: null,
      modern: null,
    },
    listing: null,
    tools: [],
    auth,
    exchanges: [
      exchange({
        id: 'x1',
        rpc: { method: 'initialize', id: 0 },
        response: response(401, '{"error":"unauthorized"}'),
      }),
      exchange({
        id: 'x2',
        step: 'auth',
        request: { method: 'GET', url: PRM_URL, headers: [], body: null },
      }),
      exchange({
        id: 'x3',
        step: 'auth',
        request: { method: 'GET', url: AS_URL, headers: [], body: null },
      }),
    ],
    ...overrides,
  };
}

/** The document of a kind, to edit in a test. */
export function doc(auth: AuthProbe, kind: AuthDocument['kind']): AuthDocument {
  const found = auth.documents.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} document`);
  return found;
}

/** Its JSON as an editable object. */
export const json = (auth: AuthProbe, kind: AuthDocument['kind']) =>
  doc(auth, kind).json as Record<string, unknown>;

/** A run against a server that needs no authorization. */
export function openTranscript(): Transcript {
  const base = transcript();
  return {
    ...base,
    steps: [
      ...base.steps,
      {
        id: 'auth',
        status: 'skipped',
        durationMs: 0,
        summary: 'no authentication required',
        error: null,
      },
    ],
    auth: {
      required: false,
      challenge: null,
      discovery: [],
      documents: [],
      authorizationServer: null,
      token: null,
      redirectUri: null,
    },
  };
}
