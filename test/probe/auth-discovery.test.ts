import { afterEach, describe, expect, it } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import type { Report } from '@/lib/report/schema';
import type { DiscoveryAttempt } from '@/lib/report/schema-auth';
import type { ProtectedResourceConfig } from '@/lib/samples/auth/config';
import { healthyConfig } from '@/lib/samples/auth/samples';
import type { Running } from '../fixtures/servers';
import { healthyMcpServer } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { authSamplesServer, protectedServer } from './auth-fixtures';
import { obtainToken } from './auth-fixtures-token';

const open: Running[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const keep = <T extends Running>(s: T): T => {
  open.push(s);
  return s;
};

const timeline = (r: Report) =>
  r.auth?.discovery.map((a: DiscoveryAttempt) => [
    a.form,
    new URL(a.url).pathname,
    a.status,
    a.outcome,
  ]);
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);
const row = (r: Report) => r.rows.find((x) => x.id === 'auth');

/** An authorization server at a path issuer that serves only OpenID Connect discovery, as Keycloak does. */
const keycloakLike = (origin: string): ProtectedResourceConfig => {
  const base = healthyConfig(origin, 'kc');
  const issuer = `${origin}/realms/demo`;
  return {
    ...base,
    authorizationServer: { ...base.authorizationServer, base: issuer, issuer, flavor: 'oidc' },
  };
};

describe('OAuth discovery against real servers on loopback', () => {
  it('follows the advertised metadata to a path issuer and links every URL to its exchange', async () => {
    const server = keep(await authSamplesServer());
    const report = await runHealthCheck(targetFor(`${server.origin}/samples/oauth/mcp`));
    expect(timeline(report)).toEqual([
      ['advertised', '/.well-known/oauth-protected-resource/samples/oauth/mcp', 200, 'found'],
      [
        'oauth-inserted',
        '/.well-known/oauth-authorization-server/samples/oauth/oauth',
        200,
        'found',
      ],
    ]);
    for (const attempt of report.auth?.discovery ?? []) {
      const x = report.exchanges.find((e) => e.id === attempt.exchangeId);
      expect(x).toMatchObject({
        step: 'auth',
        request: { method: 'GET', url: attempt.url },
        response: { status: attempt.status },
      });
    }
    expect(report.auth?.challenge?.bearer?.resourceMetadata).toBe(
      `${server.origin}/.well-known/oauth-protected-resource/samples/oauth/mcp`,
    );
    expect(report.auth?.documents.map((d) => [d.kind, d.problems])).toEqual([
      ['protected-resource', []],
      ['authorization-server', []],
    ]);
    expect(row(report)).toMatchObject({ status: 'pass' });
    // A 401 is the right endpoint asking for authorization: no other paths are guessed.
    expect(report.mcp?.attempts.map((a) => [a.era, a.guessed])).toEqual([
      ['modern', false],
      ['legacy', false],
    ]);
  });

  it('tries the spec’s three URLs for a path issuer and finds OpenID Connect metadata appended (Keycloak)', async () => {
    const server = keep(
      await protectedServer(keycloakLike, '/samples/kc/mcp', (path) =>
        path === '/.well-known/openid-configuration/realms/demo'
          ? new Response('nope', { status: 404 })
          : null,
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(timeline(report)?.slice(1)).toEqual([
      ['oauth-inserted', '/.well-known/oauth-authorization-server/realms/demo', 404, 'not-found'],
      ['oidc-inserted', '/.well-known/openid-configuration/realms/demo', 404, 'not-found'],
      ['oidc-appended', '/realms/demo/.well-known/openid-configuration', 200, 'found'],
    ]);
    expect(report.auth?.documents.find((d) => d.kind === 'authorization-server')).toMatchObject({
      format: 'oidc',
      problems: [],
    });
    expect(check(report, 'auth.server-metadata')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('OpenID Connect, path appended'),
    });
    expect(check(report, 'auth.issuer')?.status).toBe('pass');
  });

  it('reads OpenID-Connect-only metadata at a root issuer', async () => {
    const server = keep(
      await protectedServer((origin) => {
        const base = healthyConfig(origin, 'oidc');
        return {
          ...base,
          authorizationServer: {
            ...base.authorizationServer,
            base: origin,
            issuer: origin,
            flavor: 'oidc',
          },
        };
      }, '/samples/oidc/mcp'),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(timeline(report)?.slice(1)).toEqual([
      ['oauth', '/.well-known/oauth-authorization-server', 404, 'not-found'],
      ['oidc', '/.well-known/openid-configuration', 200, 'found'],
    ]);
    expect(check(report, 'auth.pkce')?.status).toBe('pass');
  });

  it('lists every URL, stops where a client stops (5xx), and fails with each status', async () => {
    const server = keep(
      await protectedServer(keycloakLike, '/samples/kc/mcp', (path) =>
        path === '/.well-known/oauth-authorization-server/realms/demo'
          ? new Response('boom', { status: 500 })
          : null,
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(timeline(report)?.slice(1)).toEqual([
      ['oauth-inserted', '/.well-known/oauth-authorization-server/realms/demo', 500, 'error'],
      ['oidc-inserted', '/.well-known/openid-configuration/realms/demo', null, 'not-tried'],
      ['oidc-appended', '/realms/demo/.well-known/openid-configuration', null, 'not-tried'],
    ]);
    const finding = check(report, 'auth.server-metadata');
    expect(finding).toMatchObject({ status: 'fail', code: 'not-found' });
    expect(finding?.items).toHaveLength(3);
    expect(report.steps.find((s) => s.id === 'auth')).toMatchObject({ status: 'failed' });
  });

  it('falls back to the well-known URLs without resource_metadata, path first', async () => {
    const server = keep(await authSamplesServer());
    const report = await runHealthCheck(
      targetFor(`${server.origin}/samples/oauth-no-resource-metadata/mcp`),
    );
    expect(timeline(report)?.[0]).toEqual([
      'path-inserted',
      '/.well-known/oauth-protected-resource/samples/oauth-no-resource-metadata/mcp',
      200,
      'found',
    ]);
    expect(check(report, 'auth.challenge')).toMatchObject({
      status: 'fail',
      code: 'no-resource-metadata',
      severity: 'warning',
    });
    expect(row(report)?.status).toBe('warn');
  });

  it('shows that an advertised URL failed while the root serves the document', async () => {
    const server = keep(
      await protectedServer(
        (origin) => ({
          ...healthyConfig(origin, 'x'),
          metadataUrl: `${origin}/.well-known/oauth-protected-resource`,
        }),
        '/samples/x/mcp',
        (path, request) => {
          if (path !== '/samples/x/mcp' || request.headers.get('authorization')) return null;
          const advertised = `${new URL(request.url).origin}/meta/missing`;
          return new Response('', {
            status: 401,
            headers: { 'www-authenticate': `Bearer resource_metadata="${advertised}"` },
          });
        },
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(timeline(report)?.slice(0, 3)).toEqual([
      ['advertised', '/meta/missing', 404, 'not-found'],
      ['path-inserted', '/.well-known/oauth-protected-resource/samples/x/mcp', 404, 'not-found'],
      ['root', '/.well-known/oauth-protected-resource', 200, 'found'],
    ]);
    expect(report.auth?.discovery.slice(0, 3).map((a) => a.beyondSpec)).toEqual([
      false,
      true,
      true,
    ]);
    expect(check(report, 'auth.protected-resource')).toMatchObject({
      status: 'fail',
      code: 'advertised-url-failed',
    });
  });

  it('shows redirects: followed within the origin, not followed to another origin', async () => {
    const server = keep(
      await protectedServer(
        (origin) => healthyConfig(origin, 'r'),
        '/samples/r/mcp',
        (path, request) => {
          const here = new URL(request.url);
          // Same server, another origin: localhost instead of 127.0.0.1.
          const elsewhere = `http://localhost:${here.port}/.well-known/oauth-authorization-server/samples/r/oauth`;
          if (path === '/moved')
            return Response.redirect(
              `${here.origin}/.well-known/oauth-protected-resource/samples/r/mcp`,
              301,
            );
          if (
            path === '/.well-known/oauth-authorization-server/samples/r/oauth' &&
            here.hostname === '127.0.0.1'
          )
            return Response.redirect(elsewhere, 302);
          if (path === '/samples/r/mcp' && !request.headers.get('authorization')) {
            return new Response('', {
              status: 401,
              headers: { 'www-authenticate': `Bearer resource_metadata="${here.origin}/moved"` },
            });
          }
          return null;
        },
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(timeline(report)?.slice(0, 3)).toEqual([
      ['advertised', '/moved', 301, 'redirect'],
      ['advertised', '/.well-known/oauth-protected-resource/samples/r/mcp', 200, 'found'],
      [
        'oauth-inserted',
        '/.well-known/oauth-authorization-server/samples/r/oauth',
        302,
        'redirect',
      ],
    ]);
    expect(report.auth?.discovery[0]?.detail).toContain('followed: same origin');
    expect(report.auth?.discovery[2]?.detail).toContain('not followed');
  });

  it('carries the diagnosis on when the SDK rejects the protected resource metadata', async () => {
    const server = keep(
      await protectedServer(
        (origin) => healthyConfig(origin, 'y'),
        '/samples/y/mcp',
        (path, request) =>
          path === '/.well-known/oauth-protected-resource/samples/y/mcp'
            ? Response.json({
                authorization_servers: [`${new URL(request.url).origin}/samples/y/oauth`],
              })
            : null,
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.auth?.discovery[0]).toMatchObject({
      outcome: 'invalid',
      detail: expect.stringContaining('resource'),
    });
    expect(check(report, 'auth.protected-resource')).toMatchObject({
      status: 'fail',
      code: 'invalid-document',
    });
    // The authorization server it names is still examined, marked as beyond what a client does.
    expect(report.auth?.discovery.at(-1)).toMatchObject({
      kind: 'authorization-server',
      outcome: 'found',
      beyondSpec: true,
    });
  });

  it('tries the MCP origin as 2025-03-26 clients do when there is no protected resource metadata', async () => {
    const server = keep(
      await protectedServer(
        (origin) => healthyConfig(origin, 'z'),
        '/samples/z/mcp',
        (path) =>
          path.startsWith('/.well-known/oauth-protected-resource')
            ? new Response('', { status: 404 })
            : null,
      ),
    );
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.auth?.authorizationServer).toEqual({
      issuer: `${server.origin}/`,
      source: 'legacy-origin',
    });
    expect(check(report, 'auth.protected-resource')).toMatchObject({
      status: 'fail',
      code: 'not-found',
    });
    expect(check(report, 'auth.server-metadata')?.message).toContain('2025-03-26');
  });

  it('skips the Auth row with “no authentication required” for an open server', async () => {
    const server = keep(await healthyMcpServer());
    const report = await runHealthCheck(targetFor(server.url));
    expect(report.auth).toMatchObject({ required: false, discovery: [] });
    expect(row(report)).toMatchObject({ status: 'skipped', summary: 'no authentication required' });
    expect(report.exchanges.some((x) => x.step === 'auth')).toBe(false);
  });
});

describe('authenticated runs', () => {
  it('uses the token for MCP requests only, asks anonymously for the challenge, and never shows the token', async () => {
    const server = keep(await authSamplesServer());
    const config = healthyConfig(server.origin, 'oauth');
    const token = await obtainToken(config);
    const report = await runHealthCheck(targetFor(config.resource, { token }));
    expect(report.tools.map((t) => (t as { name: string }).name)).toEqual([
      'list_notes',
      'add_note',
    ]);
    expect(report.auth).toMatchObject({
      required: true,
      token: { accepted: true, status: 200 },
      challenge: { status: 401, withCredentials: false },
    });
    expect(check(report, 'auth.token')).toMatchObject({ status: 'pass' });
    const authorization = (x: Report['exchanges'][number]) =>
      x.request.headers.find(([k]) => k === 'authorization')?.[1];
    expect(report.exchanges.filter((x) => x.step === 'auth').map(authorization)).toEqual(
      report.exchanges.filter((x) => x.step === 'auth').map(() => undefined),
    );
    expect(report.exchanges.filter((x) => x.step === 'initialize').map(authorization)).toContain(
      'Bearer [redacted]',
    );
    expect(JSON.stringify(report)).not.toContain(token);
    expect(row(report)?.status).toBe('pass');
  });

  it('explains a rejected token with the server’s error fields', async () => {
    const server = keep(await authSamplesServer());
    const report = await runHealthCheck(
      targetFor(`${server.origin}/samples/oauth/mcp`, { token: 'not-a-real-token-123' }),
    );
    expect(report.auth?.token).toMatchObject({
      accepted: false,
      status: 401,
      error: 'invalid_token',
      errorDescription: 'the access token is unknown or expired',
    });
    expect(check(report, 'auth.token')).toMatchObject({
      status: 'fail',
      code: 'invalid-token',
      message: expect.stringContaining('error="invalid_token"'),
    });
    expect(JSON.stringify(report)).not.toContain('not-a-real-token-123');
  });

  it('explains insufficient_scope (403) with the scope needed', async () => {
    const server = keep(await authSamplesServer());
    const config = healthyConfig(server.origin, 'oauth');
    const token = await obtainToken(config, 'notes:write');
    const report = await runHealthCheck(targetFor(config.resource, { token }));
    expect(check(report, 'auth.token')).toMatchObject({
      status: 'fail',
      code: 'insufficient-scope',
      message: expect.stringContaining('needs "notes:read"'),
    });
  });

  it('registers ChatGPT’s redirect URI only when asked', async () => {
    const server = keep(await authSamplesServer());
    const url = `${server.origin}/samples/oauth/mcp`;
    const plain = await runHealthCheck(targetFor(url));
    expect(plain.exchanges.some((x) => x.request.method === 'POST' && x.step === 'auth')).toBe(
      false,
    );
    const report = await runHealthCheck(targetFor(url, { checkRedirectUri: true }));
    expect(report.auth?.redirectUri).toMatchObject({ outcome: 'accepted', status: 201 });
    expect(check(report, 'auth.redirect-uri')?.status).toBe('pass');
    const registration = report.exchanges.find(
      (x) => x.id === report.auth?.redirectUri?.exchangeId,
    );
    expect(registration?.request.body?.text).toContain(
      'https://chatgpt.com/connector_platform_oauth_redirect',
    );
  });
});
