import { describe, expect, it } from 'vitest';
import { CHATGPT } from './chatgpt';
import type { ClientFacts } from './facts';
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
    name: 'a public open server',
    change: () => {},
    verdict: 'works',
    rule: 'chatgpt.public',
    outcome: 'ok',
  },
  {
    name: 'OAuth seen before sign-in',
    change: (f) => signIn(f),
    verdict: 'works',
    rule: 'chatgpt.protocol-era',
    outcome: 'unknown',
  },
  {
    name: 'port 8443 (no port rule for ChatGPT)',
    change: (f) => {
      f.url.value = { ...f.url.value!, port: 8443 };
    },
    verdict: 'works',
    rule: 'chatgpt.https',
    outcome: 'ok',
  },
  {
    name: 'plain http',
    change: (f) => {
      f.url.value = { ...f.url.value!, scheme: 'http', port: 80 };
    },
    verdict: 'blocked',
    rule: 'chatgpt.https',
    outcome: 'blocked',
  },
  {
    name: 'localhost',
    change: (f) => {
      f.url.value = { ...f.url.value!, host: 'localhost', loopback: true };
    },
    verdict: 'blocked',
    rule: 'chatgpt.public',
    outcome: 'blocked',
  },
  {
    name: 'a private address',
    change: (f) => {
      f.publicAddress.value = false;
    },
    verdict: 'blocked',
    rule: 'chatgpt.public',
    outcome: 'blocked',
  },
  {
    name: 'a host that did not resolve',
    change: (f) => {
      f.publicAddress.value = null;
    },
    verdict: 'unknown',
    rule: 'chatgpt.public',
    outcome: 'unknown',
  },
  {
    name: 'no MCP answer',
    change: (f) => {
      f.handshake.value = 'failed';
      f.transports.value = [];
    },
    verdict: 'blocked',
    rule: 'chatgpt.connection',
    outcome: 'blocked',
  },
  {
    name: 'a 2026-07-28-only server',
    change: (f) => {
      f.handshake.value = 'modern-only';
    },
    verdict: 'unknown',
    rule: 'chatgpt.protocol-era',
    outcome: 'unknown',
  },
  {
    name: 'a dual-era server',
    change: (f) => {
      f.era.value = 'dual';
    },
    verdict: 'works',
    rule: 'chatgpt.protocol-era',
    outcome: 'ok',
  },
  {
    name: 'SSE only (not documented, not a block)',
    change: (f) => {
      f.transports.value = ['sse'];
    },
    verdict: 'works',
    rule: 'chatgpt.transport',
    outcome: 'unknown',
  },
  {
    name: 'no PKCE S256',
    change: (f) => {
      signIn(f);
      f.auth.pkceS256.value = false;
    },
    verdict: 'blocked',
    rule: 'chatgpt.pkce',
    outcome: 'blocked',
  },
  {
    name: 'no protected resource metadata',
    change: (f) => {
      signIn(f);
      f.auth.protectedResource.value = false;
    },
    verdict: 'blocked',
    rule: 'chatgpt.oauth-discovery',
    outcome: 'blocked',
  },
  {
    name: 'neither DCR nor CIMD',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: false };
    },
    verdict: 'degraded',
    rule: 'chatgpt.registration',
    outcome: 'degraded',
  },
  {
    name: 'CIMD only',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: true };
    },
    verdict: 'works',
    rule: 'chatgpt.registration',
    outcome: 'ok',
  },
  {
    name: 'its redirect URI refused',
    change: (f) => {
      signIn(f);
      f.auth.chatgptRedirect.value = 'rejected';
    },
    verdict: 'blocked',
    rule: 'chatgpt.redirect-uri',
    outcome: 'blocked',
  },
  {
    name: 'a server that only takes the user’s API-key header',
    change: (f) => {
      signIn(f, { tokenGiven: true });
      f.credentials.value = { headerNames: ['X-Api-Key'], bearerToken: false, queryParams: [] };
      f.auth.protectedResource.value = false;
      f.auth.authorizationServer.value = null;
    },
    verdict: 'blocked',
    rule: 'chatgpt.own-credentials',
    outcome: 'blocked',
  },
  {
    name: 'a bearer token the server does not need',
    change: (f) => {
      f.credentials.value = { headerNames: [], bearerToken: true, queryParams: [] };
    },
    verdict: 'works',
    rule: 'chatgpt.own-credentials',
    outcome: 'ok',
  },
  {
    name: 'a widget whose template fails',
    change: (f) => {
      f.widgets.value = {
        count: 1,
        appsSdk: true,
        mcpApps: false,
        failingChecks: ['widgets.mime-type'],
      };
    },
    verdict: 'degraded',
    rule: 'chatgpt.widgets',
    outcome: 'degraded',
  },
  {
    name: 'Apps SDK and MCP Apps widgets',
    change: (f) => {
      f.widgets.value = { count: 2, appsSdk: true, mcpApps: true, failingChecks: [] };
    },
    verdict: 'works',
    rule: 'chatgpt.widgets',
    outcome: 'ok',
  },
];

describe('ChatGPT', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(CHATGPT, facts(change), rule)).toEqual({ verdict, outcome });
  });
});
