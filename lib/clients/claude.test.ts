import { describe, expect, it } from 'vitest';
import { CLAUDE } from './claude';
import type { ClientFacts } from './facts';
import { facts, judged, signIn } from './testing';
import { verdict } from './verdict';

type Case = {
  name: string;
  change: (f: ClientFacts) => void;
  verdict: string;
  rule: string;
  outcome: string;
};

const port = (f: ClientFacts, n: number) => {
  if (f.url.value) f.url.value = { ...f.url.value, port: n };
};

const cases: Case[] = [
  {
    name: 'a public open server on 443',
    change: () => {},
    verdict: 'works',
    rule: 'claude.port-443',
    outcome: 'ok',
  },
  {
    name: 'OAuth with DCR, seen before sign-in',
    change: (f) => signIn(f),
    verdict: 'works',
    rule: 'claude.registration',
    outcome: 'ok',
  },
  {
    name: 'the MCP URL on 8443',
    change: (f) => port(f, 8443),
    verdict: 'blocked',
    rule: 'claude.port-443',
    outcome: 'blocked',
  },
  {
    name: 'the token endpoint on 8443',
    change: (f) => {
      signIn(f);
      const endpoints = f.auth.endpoints.value ?? [];
      f.auth.endpoints.value = endpoints.map((e) =>
        e.role === 'token' ? { ...e, port: 8443, url: 'https://auth.example.com:8443/token' } : e,
      );
    },
    verdict: 'blocked',
    rule: 'claude.auth-server-port',
    outcome: 'blocked',
  },
  {
    name: 'a private address',
    change: (f) => {
      f.publicAddress.value = false;
    },
    verdict: 'blocked',
    rule: 'claude.public',
    outcome: 'blocked',
  },
  {
    name: 'SSE only',
    change: (f) => {
      f.transports.value = ['sse'];
    },
    verdict: 'works',
    rule: 'claude.transport',
    outcome: 'ok',
  },
  {
    name: 'a 2026-07-28-only server',
    change: (f) => {
      f.handshake.value = 'modern-only';
    },
    verdict: 'unknown',
    rule: 'claude.protocol-era',
    outcome: 'unknown',
  },
  {
    name: 'neither DCR nor CIMD',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: false };
    },
    verdict: 'degraded',
    rule: 'claude.registration',
    outcome: 'degraded',
  },
  {
    name: 'CIMD only, without "none" at the token endpoint',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: true };
      f.auth.tokenEndpointAuthMethods.value = { methods: ['client_secret_basic'], declared: false };
    },
    verdict: 'blocked',
    rule: 'claude.cimd-token-auth',
    outcome: 'blocked',
  },
  {
    name: 'CIMD and DCR, without "none"',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: true, cimd: true };
      f.auth.tokenEndpointAuthMethods.value = { methods: ['client_secret_post'], declared: true };
    },
    verdict: 'degraded',
    rule: 'claude.cimd-token-auth',
    outcome: 'degraded',
  },
  {
    name: 'a pasted bearer token the server requires',
    change: (f) => {
      signIn(f, { tokenGiven: true });
      f.credentials.value = { headerNames: [], bearerToken: true, queryParams: [] };
      f.auth.protectedResource.value = false;
    },
    verdict: 'blocked',
    rule: 'claude.own-credentials',
    outcome: 'blocked',
  },
  {
    name: 'an API key in the URL',
    change: (f) => {
      f.credentials.value = { headerNames: [], bearerToken: false, queryParams: ['apiKey'] };
    },
    verdict: 'blocked',
    rule: 'claude.url-credentials',
    outcome: 'blocked',
  },
  {
    name: 'a 70-character tool name',
    change: (f) => {
      const name = 'a'.repeat(70);
      f.tools.value = { ...f.tools.value!, longestName: 70, longNames: [name], longNameCount: 1 };
    },
    verdict: 'degraded',
    rule: 'claude.directory-tool-names',
    outcome: 'degraded',
  },
  {
    name: 'tools without annotations',
    change: (f) => {
      f.tools.value = { ...f.tools.value!, missingAnnotations: 2 };
    },
    verdict: 'degraded',
    rule: 'claude.directory-annotations',
    outcome: 'degraded',
  },
  {
    name: 'Apps SDK widgets only',
    change: (f) => {
      f.widgets.value = { count: 1, appsSdk: true, mcpApps: false, failingChecks: [] };
    },
    verdict: 'degraded',
    rule: 'claude.widgets',
    outcome: 'degraded',
  },
  {
    name: 'MCP Apps widgets',
    change: (f) => {
      f.widgets.value = { count: 1, appsSdk: false, mcpApps: true, failingChecks: [] };
    },
    verdict: 'works',
    rule: 'claude.widgets',
    outcome: 'ok',
  },
  {
    name: 'tools behind sign-in',
    change: (f) => signIn(f),
    verdict: 'works',
    rule: 'claude.directory-tool-names',
    outcome: 'unknown',
  },
];

describe('Claude', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(CLAUDE, facts(change), rule)).toEqual({ verdict, outcome });
  });

  it('names the port it will not dial and the sign-in URL off 443', () => {
    const result = verdict(
      facts((f) => {
        port(f, 5050);
        signIn(f);
        f.auth.endpoints.value = (f.auth.endpoints.value ?? []).map((e) =>
          e.role === 'registration'
            ? { ...e, port: 8443, url: 'https://auth.example.com:8443/register' }
            : e,
        );
      }),
      CLAUDE,
    );
    const message = (rule: string) => result.reasons.find((r) => r.rule === rule)?.message;
    expect(message('claude.port-443')).toContain('port 5050');
    expect(message('claude.auth-server-port')).toContain(
      'registration https://auth.example.com:8443/register',
    );
    expect(message('claude.auth-server-port')).not.toContain('/token');
  });
});
