import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freshDatabase, startApp, type AppProcess } from './app-process';
import { HEALTHY, HTML_PAGE, finishedRun } from './samples';

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test.describe('monitors', () => {
  // A run, a monitor's first check and two axe scans, on a shared two-core machine.
  test.describe.configure({ timeout: 120_000 });
  // A monitor keeps checking as long as it exists: none outlives this file, so the rest of the
  // suite does not share the app's diagnosis slots with a schedule.
  test.afterAll(async ({ playwright }) => {
    const api = await playwright.request.newContext({
      baseURL: process.env.MCP_DOCTOR_E2E_ORIGIN,
    });
    const { monitors } = (await (await api.get('/api/monitors')).json()) as {
      monitors: { id: string }[];
    };
    for (const { id } of monitors) {
      expect((await api.delete(`/api/monitors/${id}`)).status()).toBe(204);
    }
    expect(await (await api.get('/api/monitors')).json()).toEqual({ monitors: [] });
    await api.dispose();
  });

  test('watch an endpoint from its run page, then see its check, charts and badge', async ({
    page,
  }) => {
    const runId = await finishedRun(page.request, HEALTHY);
    await page.goto(`/runs/${runId}`);
    await page.getByRole('button', { name: 'Watch this endpoint' }).click();
    await page.getByLabel('How often').selectOption('1');
    await page.getByLabel(/^Name/).fill('Healthy sample');
    await page.getByRole('button', { name: 'Start watching' }).click();

    await expect(page).toHaveURL(/\/monitors\/[A-Za-z0-9_-]{22}$/);
    const id = page.url().split('/').pop() ?? '';
    await expect(page.getByRole('heading', { level: 1, name: 'Healthy sample' })).toBeVisible();
    // The check made at creation shows up without a reload, with a link to its run.
    const check = page.getByTestId('monitor-check').first();
    await expect(check).toContainText('healthy');
    await expect(page.getByTestId('monitor-state')).toHaveText(/Healthy/);
    await expect(page.getByTestId('uptime-24h')).toHaveText('100.00 %');
    await page
      .getByRole('region', { name: /Latest checks, as a/ })
      .getByRole('link', { name: 'open' })
      .first()
      .click();
    await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
    await expect(page.getByText('Connection fails').first()).toBeVisible();
    await page.goBack();

    // The charts are pictures with words, and their numbers are one click away.
    const latency = page.getByRole('img', { name: /Latency over 24 hours/ });
    await expect(latency).toBeVisible();
    await expect(page.getByTestId('chart-uptime').locator('rect').first()).toBeAttached();
    await page
      .getByRole('figure', { name: /Latency over 24 hours/ })
      .getByText('Data table')
      .click();
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: /\d+ ms/ })
        .first(),
    ).toBeVisible();
    await expectAccessible(page);

    const badge = await page.request.get(`/monitors/${id}/badge.svg`);
    expect(badge.status()).toBe(200);
    expect(badge.headers()['content-type']).toContain('image/svg+xml');
    expect(badge.headers()['cache-control']).toMatch(/max-age=60/);
    expect(await badge.text()).toContain('MCP: healthy');
    const status = await page.request.get(`/monitors/${id}/status.json`);
    expect(await status.json()).toMatchObject({
      id,
      state: 'healthy',
      everyMinutes: 1,
      uptime: { '24h': { ratio: 1 } },
    });

    await page.goto('/monitors');
    await expect(page.getByTestId('monitor-list')).toContainText('Healthy sample');
    await expectAccessible(page);
  });

  test('a monitor page at 390 px in the dark theme', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    try {
      const created = await page.request.post('/api/monitors', {
        data: { url: HEALTHY, everyMinutes: 5, name: 'Narrow' },
      });
      const { id } = (await created.json()) as { id: string };
      await page.goto(`/monitors/${id}?window=7d`);
      await expect(page.getByTestId('monitor-check').first()).toContainText('healthy');
      await expect(page.getByRole('img', { name: /Uptime over 7 days/ })).toBeVisible();
      // Nothing wider than the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  test('a first check that fails is an incident, linked to its run, and the badge says failing', async ({
    page,
  }) => {
    const created = await page.request.post('/api/monitors', {
      data: { url: HTML_PAGE, everyMinutes: 60, name: 'HTML page' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/monitors/${id}`);
    await expect(page.getByTestId('monitor-state')).toHaveText(/Failing/);
    const incidents = page.getByRole('region', { name: 'Incidents' });
    await expect(incidents.getByRole('listitem')).toHaveCount(1);
    await expect(incidents).toContainText('HTML page is failing');
    const badge = await page.request.get(`/monitors/${id}/badge.svg`);
    expect(await badge.text()).toContain('MCP: failing');
    await incidents.getByRole('link', { name: 'the run' }).click();
    await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  });

  test('the API: 201 with an id, credentials refused without a key, bad input 400', async ({
    request,
  }) => {
    const created = await request.post('/api/monitors', {
      data: { url: HEALTHY, everyMinutes: 60 },
    });
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { id: string; webhookSecret: null };
    expect(created.headers()['location']).toBe(`/api/monitors/${body.id}`);
    expect(body.webhookSecret).toBeNull();

    const paused = await request.post(`/api/monitors/${body.id}/pause`);
    expect(((await paused.json()) as { paused: boolean }).paused).toBe(true);
    const changed = await request.patch(`/api/monitors/${body.id}`, {
      data: { everyMinutes: 15, public: true },
    });
    expect(await changed.json()).toMatchObject({ monitor: { everyMinutes: 15, public: true } });

    // This dashboard has no MCP_DOCTOR_SECRET_KEY: a token would be stored in the clear, so no.
    const refused = await request.post('/api/monitors', {
      data: { url: HEALTHY, everyMinutes: 5, token: 'tok_e2e_secret' },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'secret-key-required',
        message: expect.stringMatching(/MCP_DOCTOR_SECRET_KEY is not set/),
      },
    });
    for (const data of [
      { url: HEALTHY, everyMinutes: 0 },
      { url: HEALTHY },
      { url: HEALTHY, everyMinutes: 5, format: 'junit' },
    ]) {
      const bad = await request.post('/api/monitors', { data });
      expect(bad.status()).toBe(400);
    }
    expect((await request.delete(`/api/monitors/${body.id}`)).status()).toBe(204);
    expect((await request.get(`/api/monitors/${body.id}`)).status()).toBe(404);
  });
});

/** The README's verification snippet, as a receiver would write it. */
function verify(secret: string, header: string, rawBody: string, windowSeconds = 300): boolean {
  const fields = Object.fromEntries(header.split(',').map((kv) => kv.split('=')));
  if (Math.abs(Date.now() / 1000 - Number(fields.t)) > windowSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${fields.t}.${rawBody}`).digest();
  const given = Buffer.from(fields.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A deployment with the team token and a secret key, on an app of its own, alerting a webhook
 * receiver on loopback: credentials are taken and never shown, a failing endpoint's alert arrives
 * signed and is logged on the monitor's page, and the badge and status are open only once the
 * monitor is public.
 */
test.describe('a deployment with MCP_DOCTOR_TOKEN and MCP_DOCTOR_SECRET_KEY', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  const TOKEN = 'e2e-monitors-team-token-91d2';
  const ENDPOINT_TOKEN = 'tok_e2e_endpoint_5b7c0e';
  let app: AppProcess | null = null;
  let hooks: http.Server | null = null;
  const received: Received[] = [];
  let hookUrl = '';

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    hooks = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hooks?.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hooks/e2e`;
    app = await startApp({
      MCP_DOCTOR_TOKEN: TOKEN,
      MCP_DOCTOR_SECRET_KEY: randomBytes(32).toString('base64'),
      MCP_DOCTOR_DB: await freshDatabase(),
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => hooks?.close(resolve));
  });

  test('a signed alert, logged on the page; badge and status open only for a public monitor', async ({
    browser,
    request,
  }) => {
    const origin = app?.origin ?? '';
    const team = { authorization: `Bearer ${TOKEN}` };
    const created = await request.post(`${origin}/api/monitors`, {
      headers: team,
      data: {
        url: `${origin}/samples/html-page/mcp`,
        everyMinutes: 60,
        name: 'Broken',
        token: ENDPOINT_TOKEN,
        webhooks: [{ url: hookUrl }],
      },
    });
    expect(created.status()).toBe(201);
    const { id, webhookSecret } = (await created.json()) as { id: string; webhookSecret: string };
    expect(webhookSecret).toMatch(/^whsec_/);
    const shown = await (
      await request.get(`${origin}/api/monitors/${id}`, { headers: team })
    ).text();
    expect(JSON.parse(shown)).toMatchObject({ credentials: { token: true } });
    for (const secret of [ENDPOINT_TOKEN, webhookSecret, '/hooks/e2e']) {
      expect(shown).not.toContain(secret);
    }

    // The first check fails (an HTML page): one alert, signed with the secret shown at creation.
    await expect
      .poll(
        async () => {
          const history = await request.get(`${origin}/api/monitors/${id}/history`, {
            headers: team,
          });
          const { deliveries } = (await history.json()) as { deliveries: { state: string }[] };
          return deliveries.map((d) => d.state);
        },
        { timeout: 60_000 },
      )
      .toEqual(['delivered']);
    expect(received).toHaveLength(1);
    const [alert] = received;
    expect(alert?.headers['mcp-doctor-event']).toBe('failing');
    expect(
      verify(webhookSecret, String(alert?.headers['mcp-doctor-signature']), alert?.body ?? ''),
    ).toBe(true);
    expect(
      verify('whsec_wrong', String(alert?.headers['mcp-doctor-signature']), alert?.body ?? ''),
    ).toBe(false);
    expect(JSON.parse(alert?.body ?? '')).toMatchObject({
      type: 'monitor.failing',
      monitor: { id, page: `${origin}/monitors/${id}` },
    });
    expect(alert?.body).not.toContain(ENDPOINT_TOKEN);

    // The monitor's page, signed in: the incident and the delivery with its try.
    const context = await browser.newContext();
    await context.addCookies([{ name: 'mcp_doctor_token', value: TOKEN, url: origin }]);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/monitors/${id}`);
      await expect(page.getByTestId('monitor-state')).toHaveText(/Failing/);
      const alerts = page.getByRole('region', { name: 'Alerts' });
      await expect(alerts.getByTestId('delivery')).toHaveCount(1);
      await expect(alerts.getByTestId('delivery')).toContainText(/delivered · failing/);
      await expect(alerts.getByTestId('delivery')).toContainText(/Try 1, .*answered 204/);
    } finally {
      await context.close();
    }

    // Private: without the token neither exists; with it, both, cached privately.
    for (const path of ['badge.svg', 'status.json']) {
      expect((await request.get(`${origin}/monitors/${id}/${path}`)).status()).toBe(404);
    }
    const privateBadge = await request.get(`${origin}/monitors/${id}/badge.svg`, { headers: team });
    expect(privateBadge.headers()['cache-control']).toMatch(/^private/);
    expect(await privateBadge.text()).toContain('MCP: failing');
    const privateStatus = await request.get(`${origin}/monitors/${id}/status.json`, {
      headers: team,
    });
    expect(privateStatus.status()).toBe(200);
    expect(privateStatus.headers()['access-control-allow-origin']).toBeUndefined();

    // Public: anyone may read both, and any page may fetch the status.
    const made = await request.patch(`${origin}/api/monitors/${id}`, {
      headers: team,
      data: { public: true },
    });
    expect(made.status()).toBe(200);
    const badge = await request.get(`${origin}/monitors/${id}/badge.svg`);
    expect(badge.status()).toBe(200);
    expect(badge.headers()['cache-control']).toMatch(/^public, max-age=60/);
    const status = await request.get(`${origin}/monitors/${id}/status.json`);
    expect(status.headers()['access-control-allow-origin']).toBe('*');
    expect(await status.json()).toMatchObject({ id, state: 'failing', everyMinutes: 60 });
    // The monitor itself stays behind the token.
    expect((await request.get(`${origin}/api/monitors/${id}`)).status()).toBe(401);
  });
});
