import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HEALTHY } from './samples';

/** A finished run of the healthy sample, started as CI would. */
async function healthyRun(page: Page): Promise<string> {
  const started = await page.request.post('/api/runs', { data: { url: HEALTHY } });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/runs/${id}`)).json()) as { state: string }).state,
    )
    .toBe('done');
  return id;
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test.describe('monitors', () => {
  // A run, a monitor's first check and two axe scans, on a shared two-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('watch an endpoint from its run page, then see its check, charts and badge', async ({
    page,
  }) => {
    const runId = await healthyRun(page);
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
