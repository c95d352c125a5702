import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freshDatabase, startApp, type AppProcess } from './app-process';

/**
 * The dashboard as an operator runs it for a team: killed with SIGKILL in the middle of a run and
 * started again, it ends the run as interrupted and re-runs it with one click; no secret is ever at
 * rest or shown; requests from other sites, oversized bodies and undecodable paths are refused at
 * the door. Every server here is on 127.0.0.1.
 */

const TOKEN = 'tok-E2E-Crash-0123456789abcdef';
const SECRET = 'hdr-E2E-Crash-fedcba9876543210';
const pieces = (value: string) =>
  Array.from({ length: value.length - 5 }, (_, at) => value.slice(at, at + 6));
function expectNoSecret(text: string, where: string) {
  for (const secret of [TOKEN, SECRET]) {
    for (const piece of pieces(secret)) expect(text, `${piece} in ${where}`).not.toContain(piece);
  }
}

/** Quotes the credentials in its 401; its auth metadata never answers, so the run stays running. */
async function quotingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') return; // the auth discovery hangs
    req.resume();
    const origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    res
      .writeHead(401, {
        'content-type': 'text/plain',
        'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`,
      })
      .end(
        `denied: X-Team-Secret: ${String(req.headers['x-team-secret'])} Authorization: ${String(req.headers.authorization)}`,
      );
  });
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

async function databaseText(file: string): Promise<string> {
  const dir = path.dirname(file);
  const parts = await Promise.all(
    (await readdir(dir)).map((f) => readFile(path.join(dir, f)).then((b) => b.toString('latin1'))),
  );
  return parts.join('\n');
}

test.describe('a dashboard killed with SIGKILL in the middle of a run', () => {
  test.describe.configure({ mode: 'serial' });
  let server: Awaited<ReturnType<typeof quotingServer>>;
  let db = '';
  let app: AppProcess | null = null;

  test.beforeAll(async () => {
    server = await quotingServer();
    db = await freshDatabase();
  });
  test.afterAll(async () => {
    await app?.stop();
    await server?.close();
  });

  test('holds no secret while running, then shows the run interrupted after a restart and re-runs it', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    app = await startApp({ MCP_DOCTOR_DB: db });
    const started = await request.post(`${app.origin}/api/runs`, {
      data: {
        url: server.url,
        token: TOKEN,
        headers: { 'X-Team-Secret': SECRET },
        timeoutMs: 120_000,
      },
    });
    expect(started.status()).toBe(202);
    const { id } = (await started.json()) as { id: string };

    // The quoting step is recorded and served while the run goes on.
    let midRun = '';
    await expect
      .poll(
        async () => {
          midRun = await (await request.get(`${app!.origin}/api/runs/${id}`)).text();
          return midRun.includes('denied');
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(JSON.parse(midRun)).toMatchObject({ state: 'running' });
    expectNoSecret(midRun, 'GET /api/runs/<id> mid-run');
    expectNoSecret(await (await request.get(`${app.origin}/runs/${id}`)).text(), 'the run page');
    expectNoSecret(await databaseText(db), 'the database files mid-run');

    await app.stop('SIGKILL');
    expectNoSecret(app.logs(), 'the first process’s logs');
    app = await startApp({ MCP_DOCTOR_DB: db });

    // At start-up the run is marked interrupted, with what it had recorded.
    const after = (await (await request.get(`${app.origin}/api/runs/${id}`)).json()) as {
      state: string;
      steps: { id: string }[];
    };
    expect(after.state).toBe('interrupted');
    expect(after.steps.map((s) => s.id)).toContain('initialize');
    expectNoSecret(JSON.stringify(after), 'the interrupted run');
    expectNoSecret(await databaseText(db), 'the database files after the crash');

    await page.goto(`${app.origin}/runs/${id}`);
    await expect(page.getByRole('heading', { name: 'This check was interrupted' })).toBeVisible();
    await expect(page.getByText('Error POSTing').first()).toBeVisible();
    // The credentials were never kept: the form asks for them, and the run starts again.
    await page.getByLabel(/Bearer token/).fill(TOKEN);
    await page.getByLabel(/Header X-Team-Secret/).fill(SECRET);
    await page.getByRole('button', { name: 'Run this check again' }).click();
    await expect(page).not.toHaveURL(`${app.origin}/runs/${id}`);
    const rerunId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(rerunId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const rerun = (await (await request.get(`${app.origin}/api/runs/${rerunId}`)).json()) as {
      request: { sentWith: { token: boolean; headerNames: string[] }; timeoutMs: number };
    };
    expect(rerun.request).toMatchObject({
      timeoutMs: 120_000,
      sentWith: { token: true, headerNames: ['X-Team-Secret'] },
    });
    expectNoSecret(app.logs(), 'the second process’s logs');
  });
});

test.describe('the door of an open dashboard', () => {
  let app: AppProcess | null = null;
  let other: { origin: string; close: () => Promise<void> } | null = null;

  test.beforeAll(async () => {
    app = await startApp({
      MCP_DOCTOR_DB: await freshDatabase(),
      MCP_DOCTOR_RATE_PER_MINUTE: '2',
      MCP_DOCTOR_RATE_BURST: '2',
    });
    // A page on another origin that tries to use the dashboard's API from the browser.
    const server = http.createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>elsewhere</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    other = {
      origin: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  });
  test.afterAll(async () => {
    await app?.stop();
    await other?.close();
  });

  test('a page on another site cannot create sessions or start runs, even with no-cors', async ({
    page,
    request,
  }) => {
    const before = (
      (await (await request.get(`${app!.origin}/api/sessions`)).json()) as {
        sessions: unknown[];
      }
    ).sessions.length;
    await page.goto(other!.origin);
    const sent = await page.evaluate(async (dashboard) => {
      const body = JSON.stringify({ url: `${dashboard}/samples/healthy/mcp` });
      const results: string[] = [];
      for (const route of ['/api/sessions', '/api/runs']) {
        for (const init of [
          { method: 'POST', mode: 'no-cors', body },
          { method: 'POST', mode: 'no-cors', body, headers: { 'content-type': 'text/plain' } },
          { method: 'POST', body, headers: { 'content-type': 'application/json' } },
        ] as RequestInit[]) {
          results.push(
            await fetch(`${dashboard}${route}`, init).then(
              (r) => `${route} ${r.type} ${r.status}`,
              (e: Error) => `${route} ${e.name}`,
            ),
          );
        }
      }
      return results;
    }, app!.origin);
    expect(sent).toHaveLength(6);
    const after = (
      (await (await request.get(`${app!.origin}/api/sessions`)).json()) as {
        sessions: unknown[];
      }
    ).sessions.length;
    expect(after).toBe(before);
    // The same request from the dashboard's own page is taken.
    await page.goto(`${app!.origin}/`);
    const own = await page.evaluate(async () => {
      const response = await fetch('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ runId: 'AAAAAAAAAAAAAAAAAAAAAA' }),
      });
      return response.status;
    });
    expect(own).toBe(404);
  });

  test('bodies are refused by their declared size, and the 20 MB import is not cut at 10 MB', async ({
    request,
  }) => {
    const big = await request.post(`${app!.origin}/api/runs`, {
      headers: { 'content-type': 'application/json' },
      data: Buffer.alloc(200 * 1024, 'a'),
    });
    expect(big.status()).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('body-too-large');
    const plain = await request.post(`${app!.origin}/api/runs`, {
      headers: { 'content-type': 'text/plain' },
      data: '{"url":"http://127.0.0.1:9/mcp"}',
    });
    expect(plain.status()).toBe(415);
    // 15 MB of well-formed JSON that is not a run: read whole, and refused for what it is.
    const file = JSON.stringify({
      format: 'mcp-doctor-run',
      version: 1,
      report: { x: 'a'.repeat(15e6) },
    });
    const imported = await request.post(`${app!.origin}/api/import`, {
      headers: { 'content-type': 'application/json' },
      data: file,
      timeout: 60_000,
    });
    expect(imported.status()).toBe(400);
    expect(((await imported.json()) as { error: { code: string } }).error.code).toBe(
      'invalid-input',
    );
    const tooBig = await request.post(`${app!.origin}/api/import`, {
      headers: { 'content-type': 'application/json' },
      data: Buffer.alloc(21 * 1024 * 1024, ' '),
      timeout: 60_000,
    });
    expect(tooBig.status()).toBe(413);
  });

  test('undecodable paths are 400, not 500', async ({ request }) => {
    for (const path of ['/api/runs/%ff', '/runs/%ff', '/sessions/%ff', '/samples/%ff/mcp']) {
      expect((await request.get(`${app!.origin}${path}`)).status(), path).toBe(400);
    }
  });

  test('a forged X-Forwarded-For buys no new budget', async ({ request }) => {
    const check = (i: number) =>
      request.get(
        `${app!.origin}/api/check?url=${encodeURIComponent('http://127.0.0.1:9/mcp')}&timeoutMs=1000`,
        {
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        },
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await check(i)).status());
    expect(statuses).toEqual([503, 503, 429, 429]);
  });

  test('the login form is rate-limited', async ({ page }) => {
    // An open dashboard has no token, so every attempt fails; past the limit the form says so.
    let last = '';
    for (let i = 0; i < 7; i++) {
      const response = await page.request.post(`${app!.origin}/api/login`, {
        form: { token: `guess-${i}`, next: '/' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(303);
      last = response.headers().location ?? '';
    }
    expect(new URL(last).searchParams.get('error')).toBe('rate-limited');
  });
});
