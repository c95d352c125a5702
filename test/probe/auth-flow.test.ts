import { afterEach, describe, expect, it } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { callbackUrl, clientMetadataUrl } from '@/lib/oauth-flow/dashboard-client';
import { completeFlow, flowView, startFlow } from '@/lib/oauth-flow/flow';
import type { FlowView } from '@/lib/oauth-flow/schema';
import type { Target } from '@/lib/probe/target';
import { beginAuthorization, decide } from '@/lib/samples/auth/authorization-server';
import type { AuthServerConfig } from '@/lib/samples/auth/config';
import { authSampleConfig, healthyConfig } from '@/lib/samples/auth/samples';
import type { Running } from '../fixtures/servers';
import { authSamplesServer, protectedServer } from './auth-fixtures';

const open: Running[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const step = (view: FlowView | undefined, id: string) => view?.steps.find((s) => s.id === id);

/** The user's part, in the consent page's own terms: open the authorization URL, then approve or deny. */
async function consent(
  authorizationUrl: string,
  server: AuthServerConfig,
  approve = true,
): Promise<URLSearchParams> {
  const started = await beginAuthorization(new URL(authorizationUrl).searchParams, server);
  if (started.kind !== 'consent') throw new Error(`no consent page: ${JSON.stringify(started)}`);
  const decided = decide(started.requestId, approve, server);
  if (!('location' in decided)) throw new Error(decided.error);
  const back = new URL(decided.location);
  expect(`${back.origin}${back.pathname}`).toBe(callbackUrl());
  return back.searchParams;
}

describe('the interactive OAuth flow, as ChatGPT runs it', () => {
  it('registers with a client ID metadata document, authorizes with PKCE S256, state and resource, and re-runs with the token', async () => {
    const server = await authSamplesServer();
    open.push(server);
    const config = authSampleConfig('oauth')!;
    const started = await startFlow({ url: new URL(config.resource) });

    expect(started.steps.map((s) => [s.id, s.status])).toEqual([
      ['discovery', 'ok'],
      ['registration', 'ok'],
      ['authorization', 'waiting'],
      ['callback', 'pending'],
      ['token', 'pending'],
      ['rerun', 'pending'],
    ]);
    const sent = new URL(started.authorizationUrl!).searchParams;
    expect(Object.fromEntries(sent)).toMatchObject({
      response_type: 'code',
      client_id: clientMetadataUrl(),
      redirect_uri: callbackUrl(),
      code_challenge_method: 'S256',
      resource: config.resource,
      scope: 'notes:read',
    });
    expect(sent.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Discovery is in the flow's own log, ids apart from any report's.
    expect(step(started, 'discovery')?.exchangeIds).toEqual(['flow-x1', 'flow-x2', 'flow-x3']);

    let rerun: Target | null = null;
    const callback = await consent(started.authorizationUrl!, config.authorizationServer);
    expect(callback.get('iss')).toBe(config.authorizationServer.issuer);
    const done = await completeFlow(callback, { rerun: (target) => ((rerun = target), 'run-id') });
    expect(done).toEqual({ ok: true, flowId: started.id });

    const view = flowView(started.id);
    expect(view).toMatchObject({ state: 'done', rerunId: 'run-id', authorizationUrl: null });
    expect(view?.steps.every((s) => s.status === 'ok' || s.status === 'skipped')).toBe(true);
    const token = (rerun as Target | null)?.token;
    expect(token).toBeTruthy();
    const tokenRequest = view?.exchanges.find((x) => x.id === step(view, 'token')?.exchangeIds[0]);
    expect(tokenRequest?.request.body?.text).toContain('code_verifier=[redacted]');
    expect(tokenRequest?.response?.body?.text).toContain('"access_token":"[redacted]"');
    const shown = JSON.stringify(view);
    for (const secret of [token!, callback.get('code')!]) expect(shown).not.toContain(secret);

    // The token works: the re-run lists the tools behind the sign-in, and its report hides the token.
    const report = await runHealthCheck(rerun!);
    expect(report.tools.map((t) => (t as { name: string }).name)).toEqual([
      'list_notes',
      'add_note',
    ]);
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it('falls back to dynamic client registration, and passes the redirect URI check on to the re-run', async () => {
    const server = await protectedServer((origin) => {
      const c = healthyConfig(origin, 'dcr');
      return { ...c, authorizationServer: { ...c.authorizationServer, cimd: false } };
    }, '/samples/dcr/mcp');
    open.push(server);
    const started = await startFlow({ url: new URL(server.url), checkRedirectUri: true });
    expect(step(started, 'registration')).toMatchObject({
      status: 'ok',
      summary: expect.stringContaining('dynamically'),
    });
    const registration = started.exchanges.find(
      (x) => x.id === step(started, 'registration')?.exchangeIds[0],
    );
    expect(registration?.request.body?.text).toContain(callbackUrl());

    let rerun: Target | null = null;
    const done = await completeFlow(
      await consent(started.authorizationUrl!, server.config.authorizationServer),
      { rerun: (target) => ((rerun = target), 'run-id') },
    );
    expect(done.ok && flowView(done.flowId)?.state).toBe('done');
    const report = await runHealthCheck(rerun!);
    expect(report.auth?.redirectUri).toMatchObject({ outcome: 'accepted' });
    expect(report.checks.find((c) => c.id === 'auth.redirect-uri')?.status).toBe('pass');
  });

  it('hides the code, the verifier and the client secret when the token error quotes them', async () => {
    // The token endpoint answers invalid_grant with what it was sent, values without their names,
    // so only the secrets the flow learned (not the name-based rules) can hide them.
    const echoed: string[] = [];
    const server = await protectedServer(
      (origin) => {
        const c = healthyConfig(origin, 'dcr');
        return { ...c, authorizationServer: { ...c.authorizationServer, cimd: false } };
      },
      '/samples/dcr/mcp',
      (path, request) => {
        if (!path.endsWith('/token')) return null;
        const body = request.text().then((text) => {
          const form = new URLSearchParams(text);
          const basic = request.headers.get('authorization')?.replace(/^Basic\s+/i, '') ?? '';
          const [, secret = ''] = Buffer.from(basic, 'base64').toString().split(':');
          const values = [
            form.get('code'),
            form.get('code_verifier'),
            form.get('client_secret'),
            secret,
          ];
          echoed.push(...values.filter((v): v is string => Boolean(v)));
          return JSON.stringify({
            error: 'invalid_grant',
            error_description: `rejected grant ${values.join(' ')}`,
          });
        });
        return new Response(
          new ReadableStream({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode(await body));
              controller.close();
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        );
      },
    );
    open.push(server);
    const started = await startFlow({ url: new URL(server.url) });
    const done = await completeFlow(
      await consent(started.authorizationUrl!, server.config.authorizationServer),
    );
    const view = done.ok ? flowView(done.flowId) : undefined;
    expect(step(view, 'token')).toMatchObject({
      status: 'failed',
      summary: expect.stringContaining('rejected grant [redacted] [redacted]'),
    });
    expect(echoed.length).toBeGreaterThanOrEqual(2);
    const shown = JSON.stringify(view);
    for (const secret of echoed) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(secret.slice(0, 12));
    }
  });

  it('stops at registration when the server offers no way to register', async () => {
    const server = await authSamplesServer();
    open.push(server);
    const started = await startFlow({
      url: new URL(authSampleConfig('oauth-no-registration')!.resource),
    });
    expect(started.state).toBe('failed');
    expect(step(started, 'registration')).toMatchObject({
      status: 'failed',
      summary: expect.stringContaining(
        'neither dynamic client registration nor client ID metadata documents',
      ),
    });
    expect(started.authorizationUrl).toBeNull();
  });

  it('stops at discovery when the metadata is for another resource, as clients do', async () => {
    const server = await authSamplesServer();
    open.push(server);
    const started = await startFlow({
      url: new URL(authSampleConfig('oauth-resource-mismatch')!.resource),
    });
    expect(step(started, 'discovery')).toMatchObject({
      status: 'failed',
      summary: expect.stringContaining('https://api.example.com/mcp'),
    });
  });

  it('shows the authorization server’s refusal on the callback step', async () => {
    const server = await authSamplesServer();
    open.push(server);
    const config = authSampleConfig('oauth')!;
    const started = await startFlow({ url: new URL(config.resource) });
    const done = await completeFlow(
      await consent(started.authorizationUrl!, config.authorizationServer, false),
    );
    expect(done.ok && flowView(done.flowId)?.steps.find((s) => s.id === 'callback')).toMatchObject({
      status: 'failed',
      summary: expect.stringContaining('access_denied'),
    });
  });

  it('refuses a callback whose state it did not issue, and a replayed one', async () => {
    const server = await authSamplesServer();
    open.push(server);
    const config = authSampleConfig('oauth')!;
    expect(await completeFlow(new URLSearchParams({ code: 'x', state: 'forged' }))).toMatchObject({
      ok: false,
    });
    const started = await startFlow({ url: new URL(config.resource) });
    const callback = await consent(started.authorizationUrl!, config.authorizationServer);
    expect((await completeFlow(callback, { rerun: () => 'run-id' })).ok).toBe(true);
    expect(await completeFlow(callback, { rerun: () => 'run-id' })).toMatchObject({ ok: false });
  });

  it('catches an iss that is not the issuer (RFC 9207 mix-up defence)', async () => {
    const server = await authSamplesServer();
    open.push(server);
    const config = authSampleConfig('oauth')!;
    const started = await startFlow({ url: new URL(config.resource) });
    const callback = await consent(started.authorizationUrl!, config.authorizationServer);
    callback.set('iss', 'https://evil.example');
    const done = await completeFlow(callback);
    expect(done.ok && flowView(done.flowId)?.steps.find((s) => s.id === 'callback')).toMatchObject({
      status: 'failed',
      summary: expect.stringContaining('RFC 9207'),
    });
  });
});
