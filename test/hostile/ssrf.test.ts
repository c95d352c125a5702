import { describe, expect, test } from 'vitest';
import type { DialPolicy } from '@/lib/probe/dialer';
import { decideAddress, decideAddresses } from '@/lib/net/ssrf-policy';
import type { Report } from '@/lib/report/schema';
import { diagnoseHostile, start, stepError } from './support';
import { named, nodeServer, rpcServer, testResolver, type Hostile } from './servers';

/**
 * MCP_DOCTOR_BLOCK_PRIVATE semantics, without ever dialling past loopback. The test resolver maps
 * every test name to 127.0.0.1, which a blocking policy refuses; so a server can only be reached
 * while the policy is still open. To model "a public server that points the probe at a private
 * one", the hostile server switches the policy object the probe consults at every connection to
 * blocking as it sends its pointer: from then on each new connection is judged as a hosted
 * dashboard judges it, and the private host must count zero requests.
 */
const blocking = (): DialPolicy => ({ blockPrivate: true, resolve: testResolver });
const openUntilPointed = () => {
  const policy: DialPolicy = { blockPrivate: false, resolve: testResolver };
  return { policy, block: () => (policy.blockPrivate = true) };
};

/** A private host that must never be reached: it would answer anything. */
const privateHost = () => rpcServer((_m, res) => void res.writeHead(200).end('{"reached":true}'));

const exchangeTo = (report: Report, host: string) =>
  report.exchanges.filter((x) => new URL(x.request.url).hostname === host);

describe('with private addresses blocked, a target on one', () => {
  test.each([
    ['a name that resolves to loopback', (s: Hostile) => named(s, 'intranet.test')],
    ['a loopback IP literal', (s: Hostile) => s.url],
    ['localhost', (s: Hostile) => named(s, 'localhost')],
  ])('%s is refused after DNS, before any byte is sent', async (_name, url) => {
    const server = await start(privateHost());
    const { report } = await diagnoseHostile(url(server), { dial: blocking() });

    expect(report.steps.find((s) => s.id === 'tcp')).toMatchObject({
      status: 'failed',
      error: { code: 'blocked-by-policy' },
    });
    expect(report.steps.find((s) => s.id === 'tcp')?.error?.message).toMatch(/loopback/);
    expect(report.exchanges).toEqual([]);
    expect(server.hits()).toBe(0);
    // A finding, not a skip: a target never reached must not read as healthy (200 from /api/check).
    expect(report.checks.find((c) => c.id === 'connection.tcp')).toMatchObject({
      status: 'fail',
      code: 'blocked-by-policy',
    });
    expect(report.status).toBe('fail');
  });

  test('the IPv6 loopback literal [::1] is refused too', async () => {
    const { report } = await diagnoseHostile('http://[::1]:9/mcp', { dial: blocking() });
    expect(stepError(report, 'tcp')).toBe('blocked-by-policy');
    expect(report.exchanges).toEqual([]);
  });
});

describe('with private addresses blocked, a reachable server that points elsewhere', () => {
  test('a redirect of the MCP POST to a private host is not followed there', async () => {
    const inside = await start(privateHost());
    const { policy, block } = openUntilPointed();
    const server = await start(
      rpcServer((_m, res) => {
        block();
        res
          .writeHead(307, {
            location: named(inside, 'metadata.internal.test', '/latest/meta-data/'),
          })
          .end();
      }),
    );
    const { report } = await diagnoseHostile(named(server, 'hostile.test'), { dial: policy });

    expect(inside.hits()).toBe(0);
    expect(report.checks.find((c) => c.id === 'connection.redirect')).toMatchObject({
      status: 'fail',
    });
    expect(report.mcp?.attempts[0]).toMatchObject({ status: 307, error: { code: 'http-status' } });
    // Nothing went to the private host; later requests to the target itself are refused too.
    expect(
      exchangeTo(report, 'metadata.internal.test').every(
        (x) => x.error?.code === 'blocked-by-policy',
      ),
    ).toBe(true);
  });

  test('resource_metadata naming a private host is refused at connect time', async () => {
    const inside = await start(privateHost());
    const { policy, block } = openUntilPointed();
    const metadataUrl = named(
      inside,
      'metadata.internal.test',
      '/.well-known/oauth-protected-resource',
    );
    const server = await start(
      rpcServer((_m, res) => {
        block();
        res
          .writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${metadataUrl}"` })
          .end();
      }),
    );
    const { report } = await diagnoseHostile(named(server, 'hostile.test'), { dial: policy });

    expect(inside.hits()).toBe(0);
    const advertised = report.auth?.discovery.find((a) => a.form === 'advertised');
    expect(advertised).toMatchObject({ url: metadataUrl, outcome: 'error', status: null });
    expect(advertised?.detail).toMatch(/^blocked-by-policy: .*loopback address/);
    const [exchange] = exchangeTo(report, 'metadata.internal.test');
    expect(exchange).toMatchObject({ response: null, error: { code: 'blocked-by-policy' } });
    expect(report.checks.find((c) => c.id === 'auth.protected-resource')).toMatchObject({
      status: 'fail',
    });
  });

  test('a metadata document that redirects to a private host is not followed there', async () => {
    const inside = await start(privateHost());
    const { policy, block } = openUntilPointed();
    // The advertised metadata URL is on a second origin, reachable, which redirects inside.
    const redirector = await start(
      nodeServer((req, res) => {
        req.resume();
        block();
        res
          .writeHead(302, {
            location: named(inside, 'metadata.internal.test', '/latest/meta-data/iam'),
          })
          .end();
      }),
    );
    const metadataUrl = named(redirector, 'other.test', '/.well-known/oauth-protected-resource');
    const target = await start(
      rpcServer(
        (_m, res) =>
          void res
            .writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${metadataUrl}"` })
            .end(),
      ),
    );
    const { report } = await diagnoseHostile(named(target, 'hostile.test'), { dial: policy });

    expect(redirector.hits()).toBe(1);
    expect(inside.hits()).toBe(0);
    const advertised = report.auth?.discovery.find((a) => a.form === 'advertised');
    // Clients follow redirects only within an origin; the report names where it pointed.
    expect(advertised).toMatchObject({ url: metadataUrl, status: 302, outcome: 'redirect' });
    expect(advertised?.detail).toMatch(
      /to http:\/\/metadata\.internal\.test:\d+\/latest\/meta-data\/iam — not followed/,
    );
    // The well-known URLs tried after it, on the target, met the now blocking policy.
    const later =
      report.auth?.discovery.filter(
        (a) => a.url.includes('hostile.test') && a.outcome === 'error',
      ) ?? [];
    expect(later.every((a) => /^blocked-by-policy/.test(a.detail ?? ''))).toBe(true);
  });

  test('authorization_servers naming a private host are refused at connect time', async () => {
    const inside = await start(privateHost());
    const { policy, block } = openUntilPointed();
    const issuer = named(inside, 'metadata.internal.test', '/');
    let resource = '';
    const server = await start(
      nodeServer((req, res) => {
        req.resume();
        if (req.url?.startsWith('/.well-known/oauth-protected-resource')) {
          block();
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ resource, authorization_servers: [issuer] }));
          return;
        }
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      }),
    );
    resource = named(server, 'hostile.test');
    const { report } = await diagnoseHostile(named(server, 'hostile.test'), { dial: policy });

    expect(inside.hits()).toBe(0);
    expect(report.auth?.authorizationServer?.issuer).toBe(issuer);
    // The first metadata URL is refused at connect time; the SDK stops there.
    const [first, ...rest] = report.auth?.discovery.filter((a) => a.issuer === issuer) ?? [];
    expect(first).toMatchObject({ kind: 'authorization-server', outcome: 'error', status: null });
    expect(first?.detail).toMatch(
      /^blocked-by-policy: .*metadata\.internal\.test: 127\.0\.0\.1 is a loopback address/,
    );
    expect(rest.every((a) => a.outcome === 'not-tried')).toBe(true);
    expect(report.checks.find((c) => c.id === 'auth.server-metadata')).toMatchObject({
      status: 'fail',
    });
  });
});

describe('IPv4-compatible IPv6 (::/96), judged as a pure function (never dialled)', () => {
  test.each(['::7f00:1', '::127.0.0.1', '::a00:1', '::a9fe:a9fe', '::c0a8:101', '::808:808'])(
    '%s is refused when private addresses are blocked',
    (address) => {
      const decision = decideAddress(address, { blockPrivate: true });
      expect(decision.allowed).toBe(false);
      expect(decideAddresses(['8.8.8.8', address], { blockPrivate: true }).allowed).toBe(false);
    },
  );
});
