import { describe, expect, it } from 'vitest';
import type { ClientFacts } from './facts';
import { GENERIC } from './generic';
import { facts, judged, signIn } from './testing';

type Case = {
  name: string;
  change: (f: ClientFacts) => void;
  verdict: string;
  rule: string;
  outcome: string;
};

const cases: Case[] = [
  {
    name: 'a server that follows the spec',
    change: () => {},
    verdict: 'works',
    rule: 'generic.transport',
    outcome: 'ok',
  },
  {
    name: 'OAuth before sign-in',
    change: (f) => signIn(f),
    verdict: 'works',
    rule: 'generic.oauth-discovery',
    outcome: 'ok',
  },
  {
    name: 'a 2026-07-28-only server',
    change: (f) => {
      f.handshake.value = 'modern-only';
    },
    verdict: 'works',
    rule: 'generic.protocol-era',
    outcome: 'ok',
  },
  {
    name: 'SSE only',
    change: (f) => {
      f.transports.value = ['sse'];
    },
    verdict: 'degraded',
    rule: 'generic.transport',
    outcome: 'degraded',
  },
  {
    name: 'no PKCE S256',
    change: (f) => {
      signIn(f);
      f.auth.pkceS256.value = false;
    },
    verdict: 'blocked',
    rule: 'generic.pkce',
    outcome: 'blocked',
  },
  {
    name: 'only pre-registered clients',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: false };
    },
    verdict: 'degraded',
    rule: 'generic.registration',
    outcome: 'degraded',
  },
  {
    name: 'a plain-http token endpoint',
    change: (f) => {
      signIn(f);
      f.auth.endpoints.value = [
        {
          role: 'token',
          url: 'http://auth.example.com/token',
          scheme: 'http',
          host: 'auth.example.com',
          port: 80,
          loopback: false,
        },
      ];
    },
    verdict: 'blocked',
    rule: 'generic.auth-https',
    outcome: 'blocked',
  },
  {
    name: 'a loopback plain-http authorization server',
    change: (f) => {
      signIn(f);
      f.auth.endpoints.value = [
        {
          role: 'token',
          url: 'http://127.0.0.1:9000/token',
          scheme: 'http',
          host: '127.0.0.1',
          port: 9000,
          loopback: true,
        },
      ];
    },
    verdict: 'works',
    rule: 'generic.auth-https',
    outcome: 'ok',
  },
  {
    name: 'a token in the query string',
    change: (f) => {
      f.credentials.value = { headerNames: [], bearerToken: false, queryParams: ['token'] };
    },
    verdict: 'degraded',
    rule: 'generic.url-credentials',
    outcome: 'degraded',
  },
  {
    name: 'a tool name with a space',
    change: (f) => {
      f.tools.value = { ...f.tools.value!, invalidNames: ['search docs'], invalidNameCount: 1 };
    },
    verdict: 'degraded',
    rule: 'generic.tool-names',
    outcome: 'degraded',
  },
  {
    name: 'a 70-character tool name (within the spec’s 128)',
    change: (f) => {
      f.tools.value = { ...f.tools.value!, longNames: ['x'.repeat(70)], longNameCount: 1 };
    },
    verdict: 'works',
    rule: 'generic.tool-names',
    outcome: 'ok',
  },
];

describe('spec-only client', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(GENERIC, facts(change), rule)).toEqual({ verdict, outcome });
  });
});
