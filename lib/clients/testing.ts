import type { ClientFacts } from './facts';
import type { ClientProfile } from './rule';
import { verdict } from './verdict';

/**
 * Facts for rule tests, as plain data: a public https server on port 443 that opened a session
 * over Streamable HTTP, speaks the 2025 handshake, needs no sign-in, lists 3 annotated tools and
 * declares no widget. Each test changes one thing.
 */
export function facts(change: (f: ClientFacts) => void = () => {}): ClientFacts {
  const ev = (exchanges: string[] = [], check?: string) => ({
    exchanges,
    ...(check ? { check } : {}),
  });
  const f: ClientFacts = {
    url: {
      value: { scheme: 'https', host: 'example.com', port: 443, loopback: false },
      evidence: ev(['x1'], 'connection.url'),
    },
    publicAddress: { value: true, evidence: ev([], 'connection.public') },
    handshake: { value: 'session', evidence: ev(['x1']) },
    transports: { value: ['streamable-http'], evidence: ev(['x1']) },
    sessionId: { value: true, evidence: ev(['x1']) },
    era: { value: null, evidence: ev() },
    auth: {
      required: { value: false, evidence: ev([], 'auth.challenge') },
      protectedResource: { value: null, evidence: ev() },
      authorizationServer: { value: null, evidence: ev() },
      endpoints: { value: null, evidence: ev() },
      pkceS256: { value: null, evidence: ev() },
      registration: { value: null, evidence: ev() },
      tokenEndpointAuthMethods: { value: null, evidence: ev() },
      scopes: { value: null, evidence: ev() },
      chatgptRedirect: { value: null, evidence: ev() },
    },
    credentials: {
      value: { headerNames: [], bearerToken: false, queryParams: [] },
      evidence: ev(),
    },
    tools: {
      value: {
        count: 3,
        complete: true,
        longestName: 11,
        longNames: [],
        longNameCount: 0,
        invalidNames: [],
        invalidNameCount: 0,
        missingAnnotations: 0,
      },
      evidence: ev(['x3']),
    },
    widgets: {
      value: { count: 0, appsSdk: false, mcpApps: false, failingChecks: [] },
      evidence: ev(),
    },
    cors: { value: null, evidence: ev() },
  };
  change(f);
  return f;
}

/** The changes that turn `facts()` into a server behind healthy OAuth (challenge, DCR, PKCE S256). */
export function signIn(f: ClientFacts, options: { tokenGiven?: boolean } = {}): void {
  const ev = (exchanges: string[], check?: string) => ({ exchanges, ...(check ? { check } : {}) });
  const endpoint = (
    role:
      'protected-resource-metadata' | 'authorization-server-metadata' | 'token' | 'registration',
    url: string,
  ) => {
    const u = new URL(url);
    return {
      role,
      url,
      scheme: 'https' as const,
      host: u.hostname,
      port: u.port ? Number(u.port) : 443,
      loopback: false,
    };
  };
  f.auth = {
    required: { value: true, evidence: ev(['x1'], 'auth.challenge') },
    protectedResource: { value: true, evidence: ev(['x2'], 'auth.protected-resource') },
    authorizationServer: { value: true, evidence: ev(['x3'], 'auth.server-metadata') },
    endpoints: {
      value: [
        endpoint(
          'protected-resource-metadata',
          'https://example.com/.well-known/oauth-protected-resource/mcp',
        ),
        endpoint(
          'authorization-server-metadata',
          'https://auth.example.com/.well-known/oauth-authorization-server',
        ),
        endpoint('token', 'https://auth.example.com/token'),
        endpoint('registration', 'https://auth.example.com/register'),
      ],
      evidence: ev(['x3']),
    },
    pkceS256: { value: true, evidence: ev(['x3'], 'auth.pkce') },
    registration: { value: { dcr: true, cimd: false }, evidence: ev(['x3'], 'auth.registration') },
    tokenEndpointAuthMethods: {
      value: { methods: ['none'], declared: true },
      evidence: ev(['x3']),
    },
    scopes: {
      value: { challenge: true, protectedResource: 1, authorizationServer: 2 },
      evidence: ev(['x1']),
    },
    chatgptRedirect: { value: null, evidence: ev([], 'auth.redirect-uri') },
  };
  if (!options.tokenGiven) {
    f.handshake = { value: 'auth-required', evidence: ev(['x1'], 'auth.challenge') };
    f.sessionId = { value: null, evidence: ev([]) };
    f.tools = { value: null, evidence: ev([]) };
    f.widgets = { value: null, evidence: ev([]) };
  }
}

/** A profile's verdict on facts, and the outcome of one of its rules. */
export function judged(profile: ClientProfile, f: ClientFacts, rule: string) {
  const result = verdict(f, profile);
  return { verdict: result.verdict, outcome: result.reasons.find((r) => r.rule === rule)?.outcome };
}
