import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as wait } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { edgeFixture } from '@/lib/edges/fixtures';
import type { DialPolicy } from '@/lib/probe/dialer';
import type { Report } from '@/lib/report/schema';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { serveEdgeFixtures } from '../fixtures/edge-servers';
import {
  type Running,
  serveNode,
  serveWeb,
  statefulServer,
  statelessServer,
} from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { testResolver } from '../hostile/servers';
import { check } from './support';

/**
 * What stands in front of the server, over real HTTP on loopback: an edge's page in place of the
 * server, an API key asked for, guarded OAuth metadata, refused headers, replicas that do not share
 * sessions, a proxy that holds event streams back. Each case runs the whole pipeline.
 */

let edges: Running;
beforeAll(async () => {
  edges = await serveEdgeFixtures();
});
afterAll(() => edges.close());

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}

/**
 * Fixtures quote public hosts (a login redirect to vercel.com, metadata on mcp.example.com): names
 * resolve only to loopback test names, so nothing a fixture points at is ever dialled.
 */
const loopbackOnly: DialPolicy = { blockPrivate: false, resolve: testResolver };
const diagnose = (url: string) => runHealthCheck(targetFor(url), { dial: loopbackOnly });

const authChecks = (report: Report) => report.checks.filter((c) => c.area === 'auth');

/** Forwards a request to `origin` as it came (method, path, headers, body) and returns the answer. */
async function forward(req: IncomingMessage, origin: string): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length') {
      headers.set(name, value);
    }
  }
  return fetch(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    signal: AbortSignal.timeout(5_000),
  });
}

/** The answer's status and headers, with `extra` on top (fetch decoded the body: no length). */
function copyHead(from: Response, res: ServerResponse, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = {};
  from.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-encoding') headers[name] = value;
  });
  res.writeHead(from.status, { ...headers, ...extra });
}

describe('an edge answers in place of the server', () => {
  // One fixture of each kind in the edge table (every fixture is judged as data in
  // lib/checks/connection/edge.test.ts and identified over HTTP in test/edges).
  test.each([
    ['cloudflare-challenge', 'connection.edge', 'bot-protection'],
    ['cloudflare-access', 'connection.edge', 'access-login'],
    ['vercel-authentication', 'connection.edge', 'deployment-protection'],
    ['vercel-password-protection', 'connection.edge', 'password-protection'],
    ['azure-app-service-auth', 'connection.edge', 'platform-auth'],
    ['aws-api-gateway-missing-token', 'connection.edge', 'api-gateway'],
    ['aws-waf-block', 'connection.edge', 'waf'],
    ['render-waking', 'connection.edge', 'sleeping-host'],
    ['heroku-application-error', 'connection.edge', 'crashed-host'],
    ['nginx-error-page', 'connection.edge', 'default-page'],
    ['ngrok-endpoint-offline', 'connection.tunnel', 'ngrok'],
  ])(
    '%s is named by %s (%s), quoting its evidence, and no other finding blames the server',
    async (name, owner, code) => {
      const evidence = edgeFixture(name)?.expect?.evidence;
      if (!evidence) throw new Error(`no fixture ${name}`);
      const report = await diagnose(`${edges.origin}/${name}/mcp`);
      const named = check(report, owner);
      expect(named).toMatchObject({ status: 'fail', code });
      expect(named.message).toContain(evidence);
      expect(check(report, 'connection.status').skip?.owner).toBe(owner);
      for (const auth of authChecks(report)) {
        expect([auth.id, auth.status]).not.toEqual([auth.id, 'fail']);
      }
      expect(report.healthy).toBe(false);
    },
  );

  test('the server’s own Bearer challenge is no edge: the Auth row judges it', async () => {
    const server = await start(
      serveNode((req, res) => {
        req.resume();
        res
          .writeHead(401, { 'www-authenticate': 'Bearer realm="mcp"', 'x-vercel-id': 'iad1::x' })
          .end();
      }),
    );
    const report = await diagnose(server.url);
    expect(check(report, 'connection.edge').status).toBe('pass');
    expect(check(report, 'auth.challenge').status).not.toBe('skipped');
  });
});

describe('credentials ChatGPT and Claude cannot send', () => {
  test('a 401 whose body asks for an API key, without a challenge', async () => {
    const server = await start(
      serveNode((req, res) => {
        req.resume();
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"error":"Missing API key: send it in the x-api-key header"}');
      }),
    );
    const report = await diagnose(server.url);
    expect(check(report, 'connection.client-credentials')).toMatchObject({
      status: 'fail',
      code: 'api-key',
    });
    expect(check(report, 'auth.challenge').skip?.owner).toBe('connection.client-credentials');
  });

  test('an API key in the URL is named by its parameter, and its value is kept nowhere', async () => {
    const server = await start(statelessServer(healthyServer));
    const secret = 'sk_live_51HqL8pTz0aQ9vXw2Rk7';
    const report = await diagnose(`${server.url}?api_key=${secret}`);
    expect(check(report, 'connection.client-credentials')).toMatchObject({
      status: 'fail',
      code: 'query-credential',
      severity: 'warning',
    });
    expect(check(report, 'connection.client-credentials').message).toContain('api_key');
    expect(JSON.stringify(report)).not.toContain(secret);
  });
});

describe('OAuth metadata behind auth', () => {
  test('a gateway guarding protected resource metadata is named, with its own finding', async () => {
    const gateway = edgeFixture('aws-api-gateway-missing-token');
    if (!gateway) throw new Error('no fixture');
    const server = await start(
      serveNode((req, res) => {
        req.resume();
        const origin = `http://${req.headers.host}`;
        if (req.url?.startsWith('/.well-known/')) {
          res.writeHead(gateway.status, Object.fromEntries(gateway.headers)).end(gateway.body);
          return;
        }
        res
          .writeHead(401, {
            'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`,
          })
          .end();
      }),
    );
    const report = await diagnose(server.url);
    const prm = check(report, 'auth.protected-resource');
    expect(prm).toMatchObject({ status: 'fail', code: 'guarded' });
    expect(prm.message).toContain('must be public');
    expect(prm.message).toContain('AWS API Gateway');
  });
});

describe('content negotiation', () => {
  const withSpecAccept = (request: Request): Request => {
    const headers = new Headers(request.headers);
    headers.set('accept', 'application/json, text/event-stream');
    return new Request(request, { headers });
  };

  test('a 406 on the spec’s Accept is tried with the variants, and what it wanted is named', async () => {
    const server = await start(
      serveWeb((request) =>
        // A gateway that passes only a JSON-only Accept, in front of a server that wants both.
        request.headers.get('accept') === 'application/json'
          ? handleMcpRequest(withSpecAccept(request), healthyServer)
          : new Response('{"error":"Not Acceptable: use Accept: application/json"}', {
              status: 406,
              headers: { 'content-type': 'application/json' },
            }),
      ),
    );
    const report = await diagnose(server.url);
    const negotiation = check(report, 'connection.negotiation');
    expect(negotiation).toMatchObject({ status: 'fail', code: 'refuses-spec-headers' });
    expect(negotiation.message).toContain('Accept: application/json; Content-Type');
    expect(negotiation.items?.map((i) => [i.subject.split(':')[0], i.detail])).toEqual([
      ['spec', 'HTTP 406 Not Acceptable'],
      ['json-only', 'HTTP 200 OK'],
      ['wildcard', 'HTTP 406 Not Acceptable'],
      ['charset', 'HTTP 406 Not Acceptable'],
    ]);
    // The variants are in the raw log, each one exchange of the negotiation step.
    expect(report.exchanges.filter((x) => x.step === 'negotiation')).toHaveLength(4);
    expect(check(report, 'connection.status').skip?.owner).toBe('connection.negotiation');
  });

  test('a 415 on the spec’s Content-Type names the one it wanted', async () => {
    const server = await start(
      serveWeb((request) =>
        // A gateway that compares Content-Type byte for byte against its own configured value.
        request.headers.get('content-type') === 'application/json; charset=utf-8'
          ? handleMcpRequest(request, healthyServer)
          : new Response('Unsupported Media Type', { status: 415 }),
      ),
    );
    const report = await diagnose(server.url);
    const negotiation = check(report, 'connection.negotiation');
    expect(negotiation).toMatchObject({ status: 'fail', code: 'refuses-spec-headers' });
    expect(negotiation.message).toContain(
      'Content-Type: application/json (the SDKs send and expect',
    );
    expect(negotiation.message).toContain(
      'It accepts Accept: application/json, text/event-stream; Content-Type: application/json; charset=utf-8 instead',
    );
  });

  test('a server that accepts the spec’s headers sends no variants', async () => {
    const server = await start(statelessServer(healthyServer));
    const report = await diagnose(server.url);
    expect(check(report, 'connection.negotiation').status).toBe('pass');
    expect(report.exchanges.some((x) => x.step === 'negotiation')).toBe(false);
  });
});

describe('session affinity', () => {
  /** Two stateful replicas behind a round-robin balancer that sets an ALB stickiness cookie. */
  async function replicas(): Promise<Running> {
    const backends = [await start(statefulServer()), await start(statefulServer())];
    let next = 0;
    return start(
      serveNode((req, res) => {
        const backend = backends[next++ % backends.length];
        if (!backend) throw new Error('no backend');
        void forward(req, backend.origin)
          .then(async (answer) => {
            copyHead(answer, res, { 'set-cookie': 'AWSALB=Zm9vYmFyYmF6cXV4; Path=/' });
            res.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => res.destroy());
      }),
    );
  }

  test('replicas that do not share sessions lose it on some requests, and are named', async () => {
    const report = await diagnose((await replicas()).url);
    const affinity = check(report, 'connection.session-affinity');
    expect(affinity).toMatchObject({ status: 'fail', code: 'lost-sometimes' });
    expect(affinity.message).toContain('AWSALB (AWS Application Load Balancer stickiness)');
    expect(check(report, 'connection.session').skip?.owner).toBe('connection.session-affinity');
    expect(JSON.stringify(report)).not.toContain('Zm9vYmFyYmF6cXV4');
  });

  test('a server that keeps no session is connection.session’s, not affinity’s', async () => {
    const backend = await start(statefulServer());
    const server = await start(
      serveNode((req, res) => {
        if (req.headers['mcp-session-id']) {
          req.resume();
          res
            .writeHead(404, { 'content-type': 'application/json' })
            .end(
              '{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Session not found"}}',
            );
          return;
        }
        void forward(req, backend.origin)
          .then(async (answer) => {
            copyHead(answer, res);
            res.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => res.destroy());
      }),
    );
    const report = await diagnose(server.url);
    expect(check(report, 'connection.session')).toMatchObject({
      status: 'fail',
      code: 'session-lost',
    });
    expect(check(report, 'connection.session-affinity').skip?.owner).toBe('connection.session');
    const pings = report.exchanges.filter((x) => x.step === 'affinity');
    expect(pings.map((x) => x.response?.status)).toEqual([404, 404, 404, 404, 404]);
  });

  test('one stateful server keeps its session on every request', async () => {
    const server = await start(statefulServer());
    const report = await diagnose(server.url);
    expect(check(report, 'connection.session-affinity')).toMatchObject({ status: 'pass' });
    const pings = report.exchanges.filter((x) => x.step === 'affinity');
    expect(pings.map((x) => x.response?.status)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('event streams that arrive late', () => {
  /**
   * The healthy server, whose initialize answer a proxy turns into an event stream: all at once
   * `holdMs` after the request, after a priming event (`buffered`); the priming event at once and
   * the answer `holdMs` after it (`streamed`); or at once and gzipped (`compressed`). The holds
   * are counted from what they follow, so a slow backend cannot shrink them.
   */
  async function sseProxy(
    mode: 'buffered' | 'streamed' | 'compressed',
    holdMs = 700,
  ): Promise<Running> {
    const backend = await start(statelessServer(healthyServer));
    return start(
      serveNode((req, res) => {
        const started = Date.now();
        void forward(req, backend.origin)
          .then(async (answer) => {
            const body = await answer.text();
            if (!body.includes('"protocolVersion"') || !answer.ok) {
              copyHead(answer, res);
              res.end(body);
              return;
            }
            const priming = 'id: 0\ndata:\n\n';
            const message = `event: message\ndata: ${body}\n\n`;
            const sse = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
            if (mode === 'compressed') {
              copyHead(answer, res, { ...sse, 'content-encoding': 'gzip' });
              res.end(gzipSync(priming + message));
              return;
            }
            if (mode === 'streamed') {
              copyHead(answer, res, sse);
              res.write(priming);
              await wait(holdMs);
              res.end(message);
              return;
            }
            await wait(started + holdMs - Date.now());
            copyHead(answer, res, sse);
            res.end(priming + message);
          })
          .catch(() => res.destroy());
      }),
    );
  }

  test('a stream whose events all arrive at its end is named as held back', async () => {
    const report = await diagnose((await sseProxy('buffered')).url);
    const timing = check(report, 'connection.sse-timing');
    expect(timing).toMatchObject({ status: 'fail', code: 'buffered' });
    expect(timing.message).toContain('the priming event');
    const init = report.exchanges.find((x) => x.rpc?.method === 'initialize' && x.response?.stream);
    const stream = init?.response?.stream;
    expect(stream?.eventCount).toBe(2);
    expect(stream?.firstByteMs).toBeGreaterThanOrEqual(600);
  });

  test('a stream whose events arrive as they are sent passes, with its timing shown', async () => {
    const report = await diagnose((await sseProxy('streamed')).url);
    expect(check(report, 'connection.sse-timing')).toMatchObject({ status: 'pass' });
    const stream = report.exchanges.find(
      (x) => x.rpc?.method === 'initialize' && x.response?.stream,
    )?.response?.stream;
    const [priming, answer] = stream?.events ?? [];
    expect(stream?.firstByteMs).toBeLessThanOrEqual(priming?.atMs ?? -1);
    expect((answer?.atMs ?? 0) - (priming?.atMs ?? 0)).toBeGreaterThanOrEqual(600);
  });

  test('a compressed event stream is noted: compression holds events back unless flushed', async () => {
    const report = await diagnose((await sseProxy('compressed')).url);
    expect(check(report, 'connection.sse-timing')).toMatchObject({
      status: 'fail',
      code: 'compressed',
      severity: 'info',
    });
    expect(check(report, 'connection.sse-timing').message).toContain('content-encoding: gzip');
  });
});
