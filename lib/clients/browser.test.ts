import { describe, expect, it } from 'vitest';
import { BROWSER } from './browser';
import type { ClientFacts, CorsAnswer } from './facts';
import { facts, judged, signIn } from './testing';
import { verdict } from './verdict';

type Case = {
  name: string;
  change: (f: ClientFacts) => void;
  verdict: string;
  rule: string;
  outcome: string;
};

const ORIGIN = 'http://localhost:6274';
const answer = (url: string, over: Partial<CorsAnswer> = {}): CorsAnswer => ({
  url,
  exchangeId: 'x9',
  status: 200,
  allowOrigin: '*',
  allowsOrigin: true,
  allowHeaders: ['content-type', 'mcp-protocol-version', 'mcp-session-id', 'authorization'],
  exposeHeaders: ['mcp-session-id', 'www-authenticate'],
  ...over,
});
const MCP = 'https://example.com/mcp';
const PRM = 'https://example.com/.well-known/oauth-protected-resource/mcp';

const cors = (
  f: ClientFacts,
  mcp: Partial<CorsAnswer> = {},
  metadata: CorsAnswer[] = [],
  preflight: Partial<CorsAnswer> = {},
) => {
  f.cors.value = {
    origin: ORIGIN,
    preflight: answer(MCP, { status: 204, ...preflight }),
    mcp: answer(MCP, mcp),
    metadata,
  };
};

const cases: Case[] = [
  {
    name: 'a preflight answered 404',
    change: (f) => cors(f, {}, [], { status: 404 }),
    verdict: 'blocked',
    rule: 'browser.cors-preflight',
    outcome: 'blocked',
  },
  {
    name: 'a preflight allowing another origin',
    change: (f) => cors(f, {}, [], { allowOrigin: 'https://app.example.com', allowsOrigin: false }),
    verdict: 'blocked',
    rule: 'browser.cors-preflight',
    outcome: 'blocked',
  },
  {
    name: 'a preflight not allowing mcp-protocol-version',
    change: (f) => cors(f, {}, [], { allowHeaders: ['content-type', 'mcp-session-id'] }),
    verdict: 'blocked',
    rule: 'browser.cors-preflight',
    outcome: 'blocked',
  },
  {
    name: 'a preflight allowing * to a server with no sign-in and no session',
    change: (f) => {
      cors(f, {}, [], { allowHeaders: ['*'] });
      f.sessionId.value = false;
    },
    verdict: 'works',
    rule: 'browser.cors-preflight',
    outcome: 'ok',
  },
  {
    name: 'a preflight allowing * to a server that needs sign-in (* does not cover Authorization)',
    change: (f) => {
      signIn(f);
      cors(f, {}, [answer(PRM)], { allowHeaders: ['*'] });
    },
    verdict: 'blocked',
    rule: 'browser.cors-preflight',
    outcome: 'blocked',
  },
  {
    name: 'a preflight that got no answer',
    change: (f) => cors(f, {}, [], { status: null }),
    verdict: 'unknown',
    rule: 'browser.cors-preflight',
    outcome: 'unknown',
  },
  {
    name: 'CORS not recorded',
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
    change: (f) => cors(f, { allowOrigin: null, allowsOrigin: false }),
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
      cors(f, {}, [answer(PRM, { allowOrigin: null, allowsOrigin: false })]);
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
      cors(f, {}, [], {
        allowHeaders: ['content-type', 'mcp-protocol-version', 'mcp-method', 'mcp-name'],
      });
      f.handshake.value = 'modern-only';
      f.era.value = 'modern';
    },
    verdict: 'works',
    rule: 'browser.protocol-era',
    outcome: 'ok',
  },
  {
    name: 'a 2026-07-28-only server whose preflight does not allow Mcp-Method',
    change: (f) => {
      cors(f);
      f.handshake.value = 'modern-only';
      f.era.value = 'modern';
    },
    verdict: 'blocked',
    rule: 'browser.cors-preflight',
    outcome: 'blocked',
  },
];

describe('browser-based clients', () => {
  it.each(cases)('$name → $verdict ($rule: $outcome)', ({ change, verdict, rule, outcome }) => {
    expect(judged(BROWSER, facts(change), rule)).toEqual({ verdict, outcome });
  });
});

describe('browser-based client reasons', () => {
  it('names what the preflight lacks, and why * is not enough for Authorization', () => {
    const f = facts((f) => {
      signIn(f);
      cors(f, {}, [answer(PRM)], { allowHeaders: ['*'] });
    });
    const reason = verdict(f, BROWSER).reasons.find((r) => r.rule === 'browser.cors-preflight');
    expect(reason).toMatchObject({
      outcome: 'blocked',
      message:
        'Access-Control-Allow-Headers lacks authorization (`*` does not cover Authorization): the browser will not send them.',
      evidence: ['x9'],
    });
  });

  it('names the metadata documents a page cannot read', () => {
    const f = facts((f) => {
      signIn(f);
      cors(f, {}, [answer(PRM, { allowOrigin: null, allowsOrigin: false, exchangeId: 'x7' })]);
    });
    const reason = verdict(f, BROWSER).reasons.find((r) => r.rule === 'browser.cors-metadata');
    expect(reason?.message).toBe(
      `${PRM} (no Access-Control-Allow-Origin): the browser cannot read the metadata, so sign-in cannot start.`,
    );
    expect(reason?.evidence).toEqual(['x7']);
  });
});
