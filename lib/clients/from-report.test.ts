import { describe, expect, it } from 'vitest';
import {
  AS_URL,
  authTranscript,
  json,
  openTranscript,
  PRM_URL,
} from '@/lib/checks/auth/support/fixtures';
import {
  failedAt,
  listedTools,
  modernRun,
  noSession,
  response,
  rpcBody,
  tool,
  transcript,
} from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import type { Transcript } from '@/lib/report/schema';
import type { CorsReading } from '@/lib/report/schema-cors';
import { CLIENT_PROFILES, type ClientId } from '.';
import { knownFact, type ClientFacts, type CorsAnswer } from './facts';
import { factsFromReport } from './from-report';
import { verdict } from './verdict';

/** Every client's verdict on a transcript, judged as the report is built today. */
function verdicts(facts: ClientFacts): Record<ClientId, string> {
  return Object.fromEntries(
    CLIENT_PROFILES.map((p) => [p.id, verdict(facts, p).verdict]),
  ) as Record<ClientId, string>;
}
const factsOf = (t: Transcript) => factsFromReport(buildReport(t));
const reason = (facts: ClientFacts, client: ClientId, rule: string) =>
  verdict(facts, CLIENT_PROFILES.find((p) => p.id === client) ?? CLIENT_PROFILES[0]).reasons.find(
    (r) => r.rule === rule,
  );

/** The healthy OAuth run, served on another port: the MCP URL, or the authorization server's. */
function oauthOnPort(where: 'mcp' | 'auth-server'): Transcript {
  const mcp = where === 'mcp' ? 'https://example.com:8443/mcp' : 'https://example.com/mcp';
  return authTranscript(
    (auth) => {
      json(auth, 'protected-resource').resource = mcp;
      if (where === 'auth-server')
        json(auth, 'authorization-server').token_endpoint = 'https://auth.example.com:8443/token';
    },
    where === 'mcp'
      ? {
          target: { ...transcript().target, url: mcp },
          tcp: { address: '93.184.216.34', port: 8443, connectMs: 10, error: null },
        }
      : {},
  );
}

const named = (count: number) =>
  Array.from({ length: count }, (_, i) => tool({ name: `tool_${i}` }));

describe('factsFromReport', () => {
  it('reads an open public server', () => {
    const facts = factsOf(openTranscript());
    expect(facts.url).toEqual({
      value: { scheme: 'https', host: 'example.com', port: 443, loopback: false },
      evidence: { check: 'connection.url', exchanges: ['x1'] },
    });
    expect(facts.publicAddress).toEqual({
      value: true,
      evidence: { check: 'connection.public', exchanges: [] },
    });
    expect(facts.handshake.value).toBe('session');
    expect(facts.transports.value).toEqual(['streamable-http']);
    expect(facts.auth.required.value).toBe(false);
    expect(facts.tools.value).toMatchObject({
      count: 1,
      complete: true,
      missingAnnotations: 0,
      longNameCount: 0,
    });
    expect(facts.tools.evidence.exchanges).toEqual(['x3']);
    expect(facts.era).toEqual({
      value: 'legacy',
      evidence: { check: 'connection.protocol-era', exchanges: ['x1'] },
    });
    // No CORS step in this transcript.
    expect(facts.cors.value).toBeNull();
    expect(verdicts(facts)).toEqual({
      chatgpt: 'works',
      claude: 'works',
      vscode: 'works',
      cursor: 'works',
      browser: 'unknown',
      generic: 'works',
    });
  });

  it('reads the authorization documents, with the proof of each', () => {
    const facts = factsOf(authTranscript());
    expect(facts.handshake).toEqual({
      value: 'auth-required',
      evidence: { check: 'auth.challenge', exchanges: ['x1'] },
    });
    expect(facts.auth.protectedResource).toEqual({
      value: true,
      evidence: { check: 'auth.protected-resource', exchanges: ['x2'] },
    });
    expect(facts.auth.pkceS256).toEqual({
      value: true,
      evidence: { check: 'auth.pkce', exchanges: ['x3'] },
    });
    expect(facts.auth.registration.value).toEqual({ dcr: true, cimd: false });
    expect(facts.auth.tokenEndpointAuthMethods.value).toEqual({
      methods: ['client_secret_basic'],
      declared: false,
    });
    expect(facts.auth.scopes.value).toEqual({
      challenge: true,
      protectedResource: 1,
      authorizationServer: 2,
    });
    expect(facts.auth.endpoints.value?.map((e) => [e.role, e.url, e.port])).toEqual([
      ['protected-resource-metadata', PRM_URL, 443],
      ['authorization-server-metadata', AS_URL, 443],
      ['token', 'https://auth.example.com/token', 443],
      ['registration', 'https://auth.example.com/register', 443],
    ]);
    // Behind sign-in: the run without a token saw no tools.
    expect(facts.tools.value).toBeNull();
  });

  it('disagreement: OAuth on port 8443 works by ChatGPT’s rules and not by Claude’s', () => {
    const facts = factsOf(oauthOnPort('mcp'));
    expect(facts.url.value?.port).toBe(8443);
    expect(verdicts(facts)).toMatchObject({
      chatgpt: 'works',
      claude: 'blocked',
      vscode: 'works',
      generic: 'works',
    });
    expect(reason(facts, 'claude', 'claude.port-443')).toMatchObject({
      outcome: 'blocked',
      check: 'connection.url',
      source: {
        url: 'https://github.com/anthropics/claude-ai-mcp/issues/85',
        provenance: 'observed',
      },
    });
  });

  it('disagreement: a token endpoint on port 8443 blocks Claude’s backend only', () => {
    const facts = factsOf(oauthOnPort('auth-server'));
    expect(verdicts(facts)).toMatchObject({
      chatgpt: 'works',
      claude: 'blocked',
      generic: 'works',
    });
    expect(reason(facts, 'claude', 'claude.auth-server-port')).toMatchObject({
      outcome: 'blocked',
      evidence: ['x2', 'x3'],
    });
  });

  it('disagreement: 150 tools degrade VS Code only', () => {
    const facts = factsOf({
      ...openTranscript(),
      ...listedTools(named(150), { pageSizes: [100, 50] }),
    });
    expect(facts.tools.value).toMatchObject({ count: 150, complete: true });
    expect(verdicts(facts)).toMatchObject({
      chatgpt: 'works',
      claude: 'works',
      vscode: 'degraded',
      generic: 'works',
    });
    expect(reason(facts, 'vscode', 'vscode.tool-count')).toMatchObject({
      outcome: 'degraded',
      evidence: ['x3', 'x4'],
    });
  });

  it('disagreement: a 70-character tool name fails Claude’s directory rule, not the spec', () => {
    const long = `search_${'x'.repeat(63)}`;
    const facts = factsOf({ ...openTranscript(), ...listedTools([tool(), tool({ name: long })]) });
    expect(facts.tools.value).toMatchObject({
      longestName: 70,
      longNames: [long],
      invalidNameCount: 0,
    });
    expect(verdicts(facts)).toMatchObject({
      chatgpt: 'works',
      claude: 'degraded',
      generic: 'works',
    });
    expect(reason(facts, 'claude', 'claude.directory-tool-names')?.message).toContain(
      `${long} (70)`,
    );
  });

  it('disagreement: OAuth metadata without CORS blocks browser clients only', () => {
    const facts = factsOf(authTranscript());
    // This transcript has no CORS answers, so a browser client's verdict cannot be decided.
    expect(verdicts(facts).browser).toBe('unknown');
    const answer = (url: string, allowOrigin: string | null): CorsAnswer => ({
      url,
      exchangeId: null,
      status: 200,
      allowOrigin,
      allowsOrigin: allowOrigin === '*',
      allowHeaders: ['*', 'authorization'],
      exposeHeaders: ['mcp-session-id', 'www-authenticate'],
    });
    // What the CORS step records: the MCP URL open, the metadata documents closed.
    const withCors: ClientFacts = {
      ...facts,
      cors: knownFact({
        origin: 'http://localhost:6274',
        preflight: answer('https://example.com/mcp', '*'),
        mcp: answer('https://example.com/mcp', '*'),
        metadata: [answer(PRM_URL, null), answer(AS_URL, null)],
      }),
    };
    expect(verdicts(withCors)).toMatchObject({
      browser: 'blocked',
      chatgpt: 'works',
      claude: 'works',
    });
    expect(reason(withCors, 'browser', 'browser.cors-metadata')?.message).toContain(PRM_URL);
  });

  it('reads the CORS step’s answers as a browser would: * or the exact origin admits it', () => {
    const reading = (
      kind: CorsReading['kind'],
      exchangeId: string,
      allowOrigin: string | null,
    ): CorsReading => ({
      kind,
      method: kind === 'preflight' ? 'OPTIONS' : kind === 'request' ? 'POST' : 'GET',
      url: kind === 'metadata' ? PRM_URL : 'https://example.com/mcp',
      exchangeId,
      status: kind === 'preflight' ? 204 : 200,
      allowOrigin,
      allowMethods: [],
      allowHeaders: ['content-type', 'mcp-protocol-version', 'mcp-session-id'],
      exposeHeaders: ['mcp-session-id'],
      allowCredentials: false,
      error: null,
    });
    const facts = factsOf({
      ...openTranscript(),
      cors: {
        origin: 'http://localhost:6274',
        requestedHeaders: ['authorization', 'content-type', 'mcp-protocol-version'],
        preflight: reading('preflight', 'x7', '*'),
        request: reading('request', 'x8', 'http://localhost:6274'),
        metadata: [reading('metadata', 'x9', 'http://localhost:3000')],
      },
    });
    expect(facts.cors.evidence.exchanges).toEqual(['x7', 'x8', 'x9']);
    expect(
      [
        facts.cors.value?.preflight,
        facts.cors.value?.mcp,
        ...(facts.cors.value?.metadata ?? []),
      ].map((a) => a?.allowsOrigin),
    ).toEqual([true, true, false]);
    expect(verdicts(facts).browser).toBe('works');
    expect(reason(facts, 'browser', 'browser.cors-mcp')?.evidence).toEqual(['x8']);
  });

  it('reads a 2026-07-28-only server from the protocol-era check', () => {
    const facts = factsOf(
      noSession(
        response(
          400,
          rpcBody(0, {
            error: {
              code: -32022,
              message: 'Unsupported protocol version',
              data: { supported: ['2026-07-28'] },
            },
          }),
        ),
      ),
    );
    expect(facts.handshake).toEqual({
      value: 'modern-only',
      evidence: { check: 'connection.protocol-era', exchanges: ['x1'] },
    });
    expect(reason(facts, 'chatgpt', 'chatgpt.protocol-era')?.outcome).toBe('unknown');
    expect(reason(facts, 'browser', 'browser.protocol-era')?.outcome).toBe('ok');
  });

  it('reads the protocol era the run detected: a 2026-07-28-only server splits the clients', () => {
    const modern = factsOf(modernRun({ legacy: false }));
    expect(modern.era).toEqual({
      value: 'modern',
      evidence: { check: 'connection.protocol-era', exchanges: ['xd', 'x1'] },
    });
    expect(modern.handshake.value).toBe('modern-only');
    // Spec-only clients speak 2026-07-28; ChatGPT publishes nothing about it.
    expect(verdicts(modern)).toMatchObject({ generic: 'works', chatgpt: 'unknown' });
    expect(reason(modern, 'chatgpt', 'chatgpt.protocol-era')?.message).toBe(
      'The server speaks only 2026-07-28; whether ChatGPT does is not published.',
    );
    const dual = factsOf(modernRun({ legacy: true }));
    expect([dual.era.value, dual.handshake.value]).toEqual(['dual', 'session']);
    expect(verdicts(dual)).toMatchObject({ generic: 'works', chatgpt: 'works' });
  });

  it('reads credentials in the URL by name only', () => {
    const facts = factsOf(
      transcript({
        target: {
          ...transcript().target,
          url: 'https://example.com/mcp?apiKey=[redacted]&lang=en',
        },
      }),
    );
    expect(facts.credentials.value?.queryParams).toEqual(['apiKey']);
    expect(reason(facts, 'claude', 'claude.url-credentials')?.outcome).toBe('blocked');
  });

  it('keeps a local server within reach of the editors and out of reach of the hosted clients', () => {
    const facts = factsOf({
      ...openTranscript(),
      target: { ...transcript().target, url: 'http://localhost:3000/mcp' },
      dns: { hostname: 'localhost', addresses: [{ address: '127.0.0.1', family: 4 }], error: null },
    });
    expect(facts.publicAddress.value).toBe(false);
    expect(verdicts(facts)).toMatchObject({
      chatgpt: 'blocked',
      claude: 'blocked',
      vscode: 'works',
      cursor: 'works',
    });
  });

  it('blocks every client when the host does not resolve', () => {
    const facts = factsOf(
      failedAt(
        'dns',
        { code: 'dns-not-found', message: 'example.com did not resolve' },
        { dns: null },
      ),
    );
    expect(facts.handshake.evidence.check).toBe('connection.dns');
    expect(new Set(Object.values(verdicts(facts)))).toEqual(new Set(['blocked']));
  });
});
