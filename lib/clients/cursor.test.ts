import { describe, expect, it } from 'vitest';
import { CURSOR } from './cursor';
import type { ClientFacts } from './facts';
import { facts, judged, signIn } from './testing';

type Case = {
  name: string;
  change: (f: ClientFacts) => void;
  verdict: string;
  rule: string;
  outcome: string;
};

const header = (f: ClientFacts) => {
  f.credentials.value = { headerNames: ['Authorization'], bearerToken: false, queryParams: [] };
};

const cases: Case[] = [
  {
    name: 'a public open server',
    change: () => {},
    verdict: 'works',
    rule: 'cursor.connection',
    outcome: 'ok',
  },
  {
    name: 'a header on a server without OAuth',
    change: (f) => {
      header(f);
      f.auth.protectedResource.value = false;
    },
    verdict: 'works',
    rule: 'cursor.headers-vs-oauth',
    outcome: 'ok',
  },
  {
    name: 'a header on a server that answers OAuth discovery',
    change: (f) => {
      signIn(f, { tokenGiven: true });
      header(f);
    },
    verdict: 'degraded',
    rule: 'cursor.headers-vs-oauth',
    outcome: 'degraded',
  },
  {
    name: 'the challenge names the scope',
    change: (f) => signIn(f),
    verdict: 'works',
    rule: 'cursor.scopes',
    outcome: 'ok',
  },
  {
    name: 'no scope anywhere but the authorization server’s 40',
    change: (f) => {
      signIn(f);
      f.auth.scopes.value = { challenge: false, protectedResource: null, authorizationServer: 40 };
    },
    verdict: 'degraded',
    rule: 'cursor.scopes',
    outcome: 'degraded',
  },
  {
    name: 'scopes listed in the resource metadata',
    change: (f) => {
      signIn(f);
      f.auth.scopes.value = { challenge: false, protectedResource: 2, authorizationServer: 40 };
    },
    verdict: 'works',
    rule: 'cursor.scopes',
    outcome: 'ok',
  },
  {
    name: 'neither DCR nor CIMD',
    change: (f) => {
      signIn(f);
      f.auth.registration.value = { dcr: false, cimd: false };
    },
    verdict: 'degraded',
    rule: 'cursor.registration',
    outcome: 'degraded',
  },
];

describe('Cursor', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(CURSOR, facts(change), rule)).toEqual({ verdict, outcome });
  });
});
