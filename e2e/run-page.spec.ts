import { expect, test, type Page } from '@playwright/test';
import { HEALTHY, SLOW } from './samples';

const checkForm = (page: Page) => page.getByRole('form', { name: 'Check an MCP endpoint' });

async function checkSample(page: Page, slug: string) {
  await page.goto('/');
  const card = page.getByTestId(`sample-${slug}`);
  await card.getByRole('button', { name: /^Check / }).click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
}

test('a healthy sample checked from the home page passes and shows its tools and raw log', async ({
  page,
}) => {
  await checkSample(page, 'healthy');

  // Nothing blocks; a localhost URL is out of ChatGPT's reach, which is a warning.
  await expect(page.getByTestId('row-connection')).toHaveAttribute('data-status', 'warn');
  await expect(
    page.locator('#area-connection [data-severity="error"][data-status="fail"]'),
  ).toHaveCount(0);
  await expect(page.getByTestId('check-connection.public')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('check-connection.public')).toHaveAttribute(
    'data-severity',
    'warning',
  );
  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'pass');
  await expect(page.locator('#area-tools [data-status="fail"]')).toHaveCount(0);
  for (const area of ['connection', 'tools', 'widgets', 'auth']) {
    await expect(page.getByTestId(`row-${area}`)).toHaveAttribute(
      'data-status',
      /^(pass|warn|fail|skipped)$/,
    );
  }
  await expect(page.getByRole('status').filter({ hasText: 'Check finished' })).toBeAttached();

  await expect(page.getByTestId('tool-search_recipes')).toContainText('Search recipes');
  await expect(page.getByTestId('tool-get_recipe')).toContainText('Idempotent');

  // The raw log holds the initialize exchange: its request and its JSON answer.
  const initialize = page.locator('[data-rpc="initialize"]').first();
  await expect(initialize).toContainText('POST');
  await expect(initialize).toContainText('/samples/healthy/mcp');
  await expect(initialize).toContainText('200');
  await initialize.locator('summary').click();
  await expect(initialize).toContainText('"protocolVersion"');
  await expect(initialize).toContainText('sample-healthy');
});

test('the URL form sends headers and a token, and the page never shows the token', async ({
  page,
}) => {
  await page.goto('/');
  await checkForm(page).getByLabel('MCP endpoint URL').fill(HEALTHY);
  await checkForm(page).getByText('Headers and token').click();
  await checkForm(page).getByRole('button', { name: '+ Add header' }).click();
  await checkForm(page).getByLabel('Header 1 name').fill('X-Team');
  await checkForm(page).getByLabel('Header 1 value').fill('blue-team-header-value');
  await checkForm(page).getByLabel('Bearer token').fill('e2e-secret-token-123456');
  await checkForm(page).getByRole('button', { name: 'Check', exact: true }).click();

  await expect(page).toHaveURL(/\/runs\//);
  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByText('Sent with a bearer token and headers X-Team')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('e2e-secret-token-123456');
  expect(html).not.toContain('blue-team-header-value');
});

test('the form explains a URL it cannot use, without leaving the page', async ({ page }) => {
  await page.goto('/');
  await checkForm(page).getByLabel('MCP endpoint URL').fill('ftp://example.com/mcp');
  await checkForm(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'unsupported scheme "ftp:"' }),
  ).toBeVisible();
  await expect(page).toHaveURL('/');
});

for (const slug of ['html-page', 'wrong-path']) {
  test(`the ${slug} sample fails the Connection row, with evidence linked into the raw log`, async ({
    page,
  }) => {
    await checkSample(page, slug);
    const row = page.getByTestId('row-connection');
    await expect(row).toHaveAttribute('data-status', 'fail');
    await expect(row).not.toContainText('Nothing to fix');

    const failing = page.locator('#area-connection [data-testid^="check-"][data-status="fail"]');
    await expect(failing.first()).toBeVisible();
    const evidence = failing.locator('a[href^="#exchange-"]').first();
    const href = await evidence.getAttribute('href');
    await evidence.click();
    const exchange = page.locator(href ?? '#missing');
    await expect(exchange).toBeInViewport();
    await expect(exchange).toHaveAttribute('open', '');
  });
}

test('a running run shows its progress, then turns into the report by itself', async ({
  page,
  request,
}) => {
  // The slow sample answers initialize after 3.5 s, so the run is still going when its page is asked for.
  const started = await request.post('/api/runs', { data: { url: SLOW } });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  const html = await (await request.get(`/runs/${id}`)).text();
  expect(html).toContain('Checking…');
  expect(html).toMatch(/role="status"[^>]*>[^<]*\d of \d+ steps done/);
  expect(html).toMatch(/Waiting for [^<]+ — \d+\.\d s/);

  await page.goto(`/runs/${id}`);
  // The step in progress and a timer that counts past a second (initialize and the CORS step's
  // initialize each take 3.5 s here).
  const current = page.getByTestId('current-step');
  await expect(current).toHaveText(
    /^Waiting for (MCP handshake|CORS \(browser clients\)) — [1-9]\d*\.\d s$/,
  );
  await expect(page.getByTestId('row-connection')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('step-initialize')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Check finished' })).toBeAttached();
});

test('an unknown run is a 404 page', async ({ page }) => {
  const response = await page.goto('/runs/AAAAAAAAAAAAAAAAAAAAAA');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
});

test('latency samples asked for on the form show p50 / p95 / max per method', async ({ page }) => {
  await page.goto('/');
  await checkForm(page).getByLabel('MCP endpoint URL').fill(HEALTHY);
  await checkForm(page).getByText('Headers and token').click();
  await checkForm(page)
    .getByLabel(/Latency samples/)
    .fill('3');
  await checkForm(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  const latency = page.locator('section[aria-labelledby="latency-title"]');
  await expect(latency).toContainText('3 samples over Streamable HTTP');
  for (const method of ['initialize', 'tools/list']) {
    const row = page.getByTestId(`latency-${method}`);
    await expect(row).toContainText(method);
    await expect(row.locator('td').nth(3)).toHaveText('3');
    await expect(row.locator('td').nth(0)).toHaveText(/^\d+ ms$/);
  }
});

test('a URL typed without a scheme is checked over http on localhost, and the form says so', async ({
  page,
}) => {
  await page.goto('/');
  const typed = HEALTHY.replace(/^http:\/\//, '');
  await checkForm(page).getByLabel('MCP endpoint URL').fill(typed);
  await expect(page.getByTestId('url-scheme-note')).toContainText(
    `http://${typed} will be checked`,
  );
  await checkForm(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('report-url')).toHaveText(HEALTHY);
});
