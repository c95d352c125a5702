import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { HEALTHY } from './samples';

/**
 * The dashboard as a hosted service: security headers on its pages, remote markup rendered as
 * text, hostile targets that leave it serving, well-formed run requests always taken, and — on a
 * second instance started here with MCP_DOCTOR_TOKEN and a small rate limit — the token gate and
 * the 429 answers. Every hostile server runs in this test process on 127.0.0.1.
 */

interface Local {
  url: string;
  close(): Promise<void>;
}

/** A plain Node server on a loopback port; `close()` drops whatever is still open. */
async function serve(listener: http.RequestListener): Promise<Local> {
  const server = http.createServer(listener);
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers `initialize` and `tools/list` (JSON mode) with the given tools. */
function mcpServer(tools: unknown[]): Promise<Local> {
  return serve((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const message = JSON.parse(body || '{}') as { id?: number; method?: string };
      if (message.id === undefined) return void res.writeHead(202).end();
      const result =
        message.method === 'initialize'
          ? {
              protocolVersion: '2025-06-18',
              capabilities: { tools: {} },
              serverInfo: { name: 'markup', version: '1' },
            }
          : message.method === 'tools/list'
            ? { tools }
            : undefined;
      const answer = result
        ? { jsonrpc: '2.0', id: message.id, result }
        : { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'no' } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
}

async function waitForRun(request: APIRequestContext, id: string): Promise<{ state: string }> {
  let run = { state: 'running' };
  await expect
    .poll(
      async () =>
        (run = (await (await request.get(`/api/runs/${id}`)).json()) as { state: string }).state,
      { timeout: 45_000 },
    )
    .not.toBe('running');
  return run;
}

test.describe('pages and API responses', () => {
  test('pages send a nonce CSP without unsafe-eval, and the framing, sniffing and referrer headers', async ({
    request,
  }) => {
    const first = await request.get('/');
    const second = await request.get('/');
    expect(first.status()).toBe(200);
    const headers = first.headers();
    const csp = headers['content-security-policy'] ?? '';
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // A new nonce for every response, and on every script of the page.
    expect(second.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test('API answers are not sniffed, cached or referred', async ({ request }) => {
    const response = await request.get('/api/check');
    expect(response.status()).toBe(400);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    expect(response.headers()['cache-control']).toBe('no-store');
  });
});

test.describe('remote markup', () => {
  const IMG = '<img src=x onerror="window.__pwned = 1; alert(1)">';
  const SCRIPT = '<script>window.__pwned = 2; alert(2)</script>';
  let server: Local;
  test.beforeAll(async () => {
    server = await mcpServer([
      {
        name: 'markup_tool',
        title: '<b id="injected-title">bold title</b>',
        description: `Looks things up. ${IMG} ${SCRIPT}`,
        inputSchema: { type: 'object', properties: { q: { type: 'string', description: IMG } } },
        annotations: { readOnlyHint: true },
      },
    ]);
  });
  test.afterAll(() => server.close());

  test('a tool description with <img onerror> and <script> is shown as text, and nothing runs', async ({
    page,
    request,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const started = await request.post('/api/runs', { data: { url: server.url } });
    expect(started.status()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    expect((await waitForRun(request, id)).state).toBe('done');

    await page.goto(`/runs/${id}`);
    const tool = page.getByTestId('tool-markup_tool');
    await expect(tool).toContainText(IMG);
    await expect(tool).toContainText(SCRIPT);
    await expect(tool).toContainText('<b id="injected-title">bold title</b>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('#injected-title').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

test.describe('hostile targets', () => {
  const servers: Local[] = [];
  test.afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  test('the app answers each, then still serves the healthy sample with 200', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const filler = Buffer.alloc(64 * 1024, 'a');
    const endless = (res: http.ServerResponse, sink: NodeJS.WritableStream) => {
      const pump = () => {
        while (!res.destroyed) if (!sink.write(filler)) return void sink.once('drain', pump);
      };
      res.on('close', () => (sink as zlib.Gzip).destroy?.());
      pump();
    };
    const hostile = await Promise.all([
      // Never answers.
      serve(() => {}),
      // Answers with a body that never ends.
      serve((req, res) => {
        req.resume();
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .write('{"jsonrpc":"2.0","id":0,"result":{"x":"');
        endless(res, res);
      }),
      // A gzip bomb.
      serve((req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        const gzip = zlib.createGzip({ level: 1 });
        gzip.pipe(res);
        gzip.write('{"jsonrpc":"2.0","id":0,"result":{"x":"');
        endless(res, gzip);
      }),
      // Drops every connection at once.
      serve((req) => req.socket.destroy()),
    ]);
    servers.push(...hostile);

    const answers = await Promise.all(
      hostile.map((s) =>
        request.get(`/api/check?url=${encodeURIComponent(s.url)}&timeoutMs=5000`, {
          timeout: 60_000,
        }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status()).toBe(503);
      expect(((await answer.json()) as { status: string }).status).toBe('fail');
    }

    const healthy = await request.get(`/api/check?url=${encodeURIComponent(HEALTHY)}`);
    expect(healthy.status()).toBe(200);
    expect((await request.get('/')).status()).toBe(200);
  });
});

test.describe('POST /api/runs as a property', () => {
  test('well-formed input is always taken (202 and a run), anything else is a 400 with a reason', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const port = await freePort();
    const valid = fc.record(
      {
        url: fc
          .tuple(fc.constantFrom('127.0.0.1', 'localhost', '[::1]'), fc.webPath())
          .map(([host, p]) => `http://${host}:${port}${p}`),
        headers: fc.dictionary(
          fc.stringMatching(/^X-[A-Za-z0-9-]{1,12}$/),
          fc.stringMatching(/^[ -~]{0,20}$/),
          { maxKeys: 3 },
        ),
        timeoutMs: fc.integer({ min: 1_000, max: 5_000 }),
        strict: fc.boolean(),
      },
      { requiredKeys: ['url'] },
    );
    await fc.assert(
      fc.asyncProperty(valid, async (input) => {
        const response = await request.post('/api/runs', { data: input });
        expect(response.status()).toBe(202);
        const { id } = (await response.json()) as { id: string };
        expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect((await request.get(`/api/runs/${id}`)).status()).toBe(200);
      }),
      { numRuns: 8 },
    );
    const invalid = fc.oneof(
      fc.record({
        url: fc.constantFrom('ftp://127.0.0.1/', 'javascript:alert(1)', 'not a url', ''),
      }),
      fc.record({ url: fc.constant(HEALTHY), timeoutMs: fc.integer({ max: 999 }) }),
      fc.record({ url: fc.constant(HEALTHY), headers: fc.constant({ 'Bad Name': 'x' }) }),
      fc.record({ url: fc.constant(HEALTHY), extra: fc.jsonValue() }),
    );
    await fc.assert(
      fc.asyncProperty(invalid, async (input) => {
        const response = await request.post('/api/runs', { data: input });
        expect(response.status()).toBe(400);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('invalid-input');
        expect(body.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 20 },
    );
  });
});

test.describe('a deployment with MCP_DOCTOR_TOKEN and a small rate limit', () => {
  test.describe.configure({ mode: 'serial' });
  const TOKEN = 'e2e-team-token-6c1f9a';
  let origin = '';
  let app: ChildProcess | null = null;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    const port = await freePort();
    origin = `http://localhost:${port}`;
    const db = path.join(await mkdtemp(path.join(os.tmpdir(), 'mcp-doctor-e2e-gate-')), 'store.db');
    app = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-p', String(port)],
      {
        stdio: 'ignore',
        env: {
          ...process.env,
          MCP_DOCTOR_TOKEN: TOKEN,
          MCP_DOCTOR_ORIGIN: origin,
          MCP_DOCTOR_RATE_PER_MINUTE: '2',
          MCP_DOCTOR_RATE_BURST: '2',
          MCP_DOCTOR_DB: db,
          DATABASE_URL: '',
          NEXT_TELEMETRY_DISABLED: '1',
        },
      },
    );
    await expect
      .poll(
        async () =>
          await fetch(`${origin}/login`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
  });
  test.afterAll(async () => {
    if (!app || app.exitCode !== null) return;
    const exited = new Promise((resolve) => app?.once('exit', resolve));
    app.kill('SIGTERM');
    await exited;
  });

  const sample = () => `${origin}/samples/healthy/mcp`;

  test('the API answers 401 without the token and 200 with it', async ({ request }) => {
    const check = `${origin}/api/check?url=${encodeURIComponent(sample())}`;
    const denied = await request.get(check);
    expect(denied.status()).toBe(401);
    expect(denied.headers()['www-authenticate']).toMatch(/^Bearer/);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect(
      (await request.get(check, { headers: { authorization: 'Bearer wrong-token' } })).status(),
    ).toBe(401);
    // The sample servers stay open: the probe itself calls them without the token.
    expect((await request.post(sample(), { data: {} })).status()).not.toBe(401);
    const allowed = await request.get(check, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status()).toBe(200);
  });

  test('a client past its budget gets 429 rate-limited with Retry-After', async ({ request }) => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const url = `${origin}/api/check?url=${encodeURIComponent(sample())}`;
    // The burst of two: one spent above, one here; then the door closes for this client.
    expect((await request.get(url, { headers: auth })).status()).toBe(200);
    const refused = await request.get(url, { headers: auth });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: 'rate-limited',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    // Runs share the budget, and invalid input is still answered as such.
    expect(
      (
        await request.post(`${origin}/api/runs`, { headers: auth, data: { url: sample() } })
      ).status(),
    ).toBe(429);
    expect(
      (
        await request.post(`${origin}/api/runs`, { headers: auth, data: { url: 'ftp://x' } })
      ).status(),
    ).toBe(400);
  });

  test('/mcp takes the token as a bearer token (never a login redirect or the cookie), checks Origin, and shares the spent budget', async () => {
    const initialize = (headers: Record<string, string>) =>
      fetch(`${origin}/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'e2e', version: '1' },
          },
        }),
      });
    const denied = await initialize({});
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await initialize({ cookie: `mcp_doctor_token=${TOKEN}` })).status).toBe(401);
    const rebound = await initialize({
      authorization: `Bearer ${TOKEN}`,
      origin: 'http://rebound.example',
    });
    expect(rebound.status).toBe(403);

    const client = new Client({ name: 'e2e-agent', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      }),
    );
    try {
      // The budget of two went on the API above: a diagnosis asked for over MCP is refused too.
      const refused = await client.callTool({
        name: 'diagnose_endpoint',
        arguments: { url: sample() },
      });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toMatch(/rate-limited: .*try again in \d+ s/);
    } finally {
      await client.close();
    }
  });

  test('pages send visitors to /login, and work after signing in', async ({ page }) => {
    await page.goto(`${origin}/`);
    await expect(page).toHaveURL(`${origin}/login?next=%2F`);
    await page.getByLabel('Team token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('That token is not right.')).toBeVisible();
    await page.getByLabel('Team token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${origin}/`);
    await expect(page.getByLabel('MCP endpoint URL').first()).toBeVisible();
    const cookies = await page.context().cookies(origin);
    expect(cookies.find((c) => c.name === 'mcp_doctor_token')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
  });
});
