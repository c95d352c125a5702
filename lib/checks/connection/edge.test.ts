import { describe, expect, it } from 'vitest';
import {
  EDGE_FIXTURES,
  edgeFixture,
  fixtureExchange,
  type EdgeFixture,
} from '@/lib/edges/fixtures';
import { SIGNATURES } from '@/lib/edges/signatures';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, noSession, response, transcript } from '../testing';
import check from './edge';

/** A run whose initialize was answered by this recorded edge fixture, and no session opened. */
function answeredBy(fixture: EdgeFixture): Transcript {
  const recorded = fixtureExchange(fixture);
  const t = noSession(recorded.response);
  return {
    ...t,
    exchanges: [{ ...recorded, id: 'x1', rpc: { method: 'initialize', id: 0 } }],
  };
}

const fixture = (name: string): EdgeFixture => {
  const found = edgeFixture(name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
};

const kindOf = (id: string) => SIGNATURES.find((s) => s.id === id)?.kind;

const edges = EDGE_FIXTURES.filter((f) => f.expect && kindOf(f.expect.signature) !== 'tunnel');
const tunnels = EDGE_FIXTURES.filter((f) => f.expect && kindOf(f.expect.signature) === 'tunnel');
const servers = EDGE_FIXTURES.filter((f) => f.expect === null);

describe('connection.edge', () => {
  it.each(edges.map((f) => [f.name, f] as const))(
    '%s is named, with its kind as the code and its evidence quoted',
    (_name, f) => {
      const result = runCheck(check, answeredBy(f));
      const signature = SIGNATURES.find((s) => s.id === f.expect?.signature);
      expect(result.status).toBe('fail');
      expect(result.code).toBe(signature?.kind);
      expect(result.evidence).toEqual(['x1']);
      expect(result.message).toContain(`${signature?.name} answered HTTP ${f.status}`);
      expect(result.message).toContain(`"${f.expect?.evidence}"`);
      expect(result.fix).toContain(signature?.fix);
      expect(result.fix).toContain(signature?.docs);
    },
  );

  it.each(servers.map((f) => [f.name, f] as const))(
    '%s is the server’s own answer: no edge',
    (_name, f) => {
      expect(runCheck(check, answeredBy(f)).status).toBe('pass');
    },
  );

  it.each(tunnels.map((f) => [f.name, f] as const))('%s is connection.tunnel’s', (_name, f) => {
    expect(runCheck(check, answeredBy(f)).status).toBe('pass');
  });

  it('a healthy run passes; a run without any HTTP answer is skipped as blocked', () => {
    expect(runCheck(check, transcript()).status).toBe('pass');
    const none = runCheck(
      check,
      noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
    );
    expect(none.status).toBe('skipped');
    expect(none.skip).toMatchObject({ cause: 'blocked', owner: 'connection.tcp' });
  });

  it('a Bearer challenge through Cloudflare is the server’s OAuth, not an edge', () => {
    const bearer: NonNullable<Exchange['response']> = {
      ...response(401, '{"error":"unauthorized"}'),
      headers: [
        ['content-type', 'application/json'],
        ['www-authenticate', 'Bearer resource_metadata="https://example.com/.well-known/x"'],
        ['server', 'cloudflare'],
        ['cf-ray', '8f2b1c3d4e5f6a7b-AMS'],
      ],
    };
    expect(runCheck(check, noSession(bearer)).status).toBe('pass');
  });

  it('names an edge that answered a later request of an open session', () => {
    const challenge = fixtureExchange(fixture('cloudflare-challenge')).response;
    const t = transcript({
      exchanges: [
        ...transcript().exchanges.filter((x) => x.id !== 'x3'),
        exchange({
          id: 'x3',
          step: 'tools',
          rpc: { method: 'tools/list', id: 1 },
          response: challenge,
        }),
      ],
    });
    const result = runCheck(check, t);
    expect(result).toMatchObject({ status: 'fail', code: 'bot-protection', evidence: ['x3'] });
    expect(result.items).toEqual([
      {
        subject: 'POST https://example.com/mcp',
        detail:
          'HTTP 403 Forbidden from Cloudflare bot protection (challenge page): cf-mitigated: challenge',
        evidence: ['x3'],
      },
    ]);
  });

  it('points to a guessed URL that answers MCP past a default 404 page', () => {
    const t = answeredBy(fixture('nginx-error-page'));
    const mcp = t.mcp as NonNullable<Transcript['mcp']>;
    const guessed = {
      ...t,
      mcp: {
        ...mcp,
        attempts: [
          ...mcp.attempts,
          {
            url: 'https://example.com/api/mcp',
            transport: 'streamable-http' as const,
            era: 'legacy' as const,
            guessed: true,
            ok: true,
            status: null,
            error: null,
            exchangeIds: ['x2'],
          },
        ],
      },
      exchanges: [...t.exchanges, exchange({ id: 'x2', rpc: { method: 'initialize', id: 0 } })],
    };
    const result = runCheck(check, guessed);
    expect(result.message).toContain('https://example.com/api/mcp answers MCP: use that URL');
    expect(result.fix?.startsWith('Use https://example.com/api/mcp: it answers MCP.')).toBe(true);
  });
});
