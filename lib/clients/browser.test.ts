import { describe, expect, it } from 'vitest';
import { BROWSER } from './browser';
import type { ClientFacts, CorsAnswer } from './facts';
import { facts, judged, signIn } from './testing';

type Case = {
  name: string;
  change: (f: ClientFacts) => void;
  verdict: string;
  rule: string;
  outcome: string;
};

const answer = (url: string, over: Partial<CorsAnswer> = {}): CorsAnswer => ({
  url,
  allowOrigin: '*',
  allowHeaders: ['content-type', 'mcp-protocol-version', 'mcp-session-id', 'authorization'],
  exposeHeaders: ['mcp-session-id', 'www-authenticate'],
  ...over,
});
const MCP = 'https://example.com/mcp';
const PRM = 'https://example.com/.well-known/oauth-protected-resource/mcp';

const cors = (f: ClientFacts, mcp: Partial<CorsAnswer> = {}, metadata: CorsAnswer[] = []) => {
  f.cors.value = { mcp: answer(MCP, mcp), metadata };
};

const cases: Case[] = [
  {
    name: 'CORS not recorded yet',
    change: () => {},
    verdict: 'unknown',
    rule: 'browser.cors-mcp',
    outcome: 'unknown',
  },
  {
    name: 'open CORS exposing the session id',
    change: (f) => cors(f),
    verdict: 'works',
    rule: 'browser.cors-mcp',
    outcome: 'ok',
  },
  {
    name: 'no Access-Control-Allow-Origin',
    change: (f) => cors(f, { allowOrigin: null }),
    verdict: 'blocked',
    rule: 'browser.cors-mcp',
    outcome: 'blocked',
  },
  {
    name: 'the session id not exposed',
    change: (f) => cors(f, { exposeHeaders: [] }),
    verdict: 'blocked',
    rule: 'browser.cors-mcp',
    outcome: 'blocked',
  },
  {
    name: 'no session id to expose',
    change: (f) => {
      cors(f, { exposeHeaders: [] });
      f.sessionId.value = false;
    },
    verdict: 'works',
    rule: 'browser.cors-mcp',
    outcome: 'ok',
  },
  {
    name: 'a local plain-http server',
    change: (f) => {
      cors(f);
      f.url.value = { scheme: 'http', host: 'localhost', port: 3000, loopback: true };
    },
    verdict: 'works',
    rule: 'browser.connection',
    outcome: 'ok',
  },
  {
    name: 'OAuth metadata without CORS',
    change: (f) => {
      signIn(f);
      cors(f, {}, [answer(PRM, { allowOrigin: null })]);
    },
    verdict: 'blocked',
    rule: 'browser.cors-metadata',
    outcome: 'blocked',
  },
  {
    name: 'OAuth metadata with CORS',
    change: (f) => {
      signIn(f);
      cors(f, {}, [answer(PRM)]);
    },
    verdict: 'works',
    rule: 'browser.cors-metadata',
    outcome: 'ok',
  },
  {
    name: 'WWW-Authenticate not exposed',
    change: (f) => {
      signIn(f);
      cors(f, { exposeHeaders: ['mcp-session-id'] }, [answer(PRM)]);
    },
    verdict: 'degraded',
    rule: 'browser.expose-www-authenticate',
    outcome: 'degraded',
  },
  {
    name: 'a 2026-07-28-only server (Inspector speaks it)',
    change: (f) => {
      cors(f);
      f.handshake.value = 'modern-only';
    },
    verdict: 'works',
    rule: 'browser.protocol-era',
    outcome: 'ok',
  },
];

describe('browser-based clients', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(BROWSER, facts(change), rule)).toEqual({ verdict, outcome });
  });
});
