import { expect, test, type Page } from '@playwright/test';
import { ORIGIN, finishedSampleRun } from './samples';

/** Starts a run of a sample through the API, waits for it to finish, and opens its page. */
async function openRun(page: Page, slug: string): Promise<string> {
  const id = await finishedSampleRun(page.request, slug);
  await page.goto(`/runs/${id}`);
  await expect(page.getByTestId('row-widgets')).toBeVisible();
  return id;
}

test('a healthy Apps SDK widget renders in its sandbox with window.openai, then with a real tools/call result', async ({
  page,
}) => {
  const id = await openRun(page, 'widget-apps-sdk');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'pass');

  const card = page.getByTestId('widget-show_greeting');
  await expect(card.getByTestId('widget-uri')).toHaveText('ui://widget/greeting.html');
  await expect(card.getByTestId('widget-mime')).toContainText('text/html+skybridge');
  await expect(card.getByText('Apps SDK', { exact: true })).toBeVisible();

  const iframe = card.getByTestId('widget-preview-show_greeting');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  const frame = page.frameLocator('[data-testid="widget-preview-show_greeting"]');
  await expect(
    frame.getByText('No tool output yet: call the tool to see a greeting.'),
  ).toBeVisible();
  await expect(
    frame.getByText('Rendered with window.openai (theme light, locale en-US)'),
  ).toBeVisible();
  await expect(card.getByTestId('widget-log-show_greeting')).toHaveAttribute(
    'data-bridge',
    /ready|loaded/,
  );

  await card.getByLabel('name').fill('Ada');
  await card.getByRole('button', { name: 'Call and render' }).click();
  await expect(frame.getByText('Hello, Ada!')).toBeVisible();
  await expect(card.getByTestId('call-status')).toContainText('call-1: answered');

  // The call is part of the run now: in the API's report, and in the raw log.
  const run = (await (await page.request.get(`/api/runs/${id}`)).json()) as {
    report: {
      calls: { tool: string; result: { structuredContent: unknown } }[];
      exchanges: { rpc?: { method: string } }[];
    };
  };
  expect(run.report.calls).toMatchObject([
    { tool: 'show_greeting', result: { structuredContent: { greeting: 'Hello, Ada!' } } },
  ]);
  expect(run.report.exchanges.some((x) => x.rpc?.method === 'tools/call')).toBe(true);
  await expect(
    page.locator('[id^="exchange-"]').filter({ hasText: 'tools/call' }).first(),
  ).toBeAttached();
});

test('a healthy MCP Apps widget completes the ui/initialize handshake and renders the tool result', async ({
  page,
}) => {
  await openRun(page, 'widget-mcp-apps');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'pass');
  const card = page.getByTestId('widget-get_forecast');
  await expect(card.getByTestId('widget-mime')).toContainText('text/html;profile=mcp-app');
  const frame = page.frameLocator('[data-testid="widget-preview-get_forecast"]');
  await expect(
    frame.getByText('Connected to MCP Doctor preview over MCP Apps (theme light)'),
  ).toBeVisible();
  await expect(card.getByTestId('widget-log-get_forecast')).toContainText(
    'ui/initialize: answered',
  );

  await card.getByLabel('city').fill('Lisbon');
  await card.getByRole('button', { name: 'Call and render' }).click();
  await expect(frame.getByText('Forecast for Lisbon')).toBeVisible();
  await expect(frame.getByText('Mon: Sunny, 24° / 15°')).toBeVisible();
  await expect(card.getByTestId('widget-log-get_forecast')).toContainText(
    'sent tool-input and tool-result',
  );
});

test('a template served as text/html fails the Widget row, with the MIME check and its fix', async ({
  page,
}) => {
  await openRun(page, 'widget-plain-html');
  const row = page.locator('[data-testid="row-widgets"][data-status="fail"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText('ui://widget/orders.html served as "text/html"');
  await expect(row).toContainText('text/html;profile=mcp-app');
  await expect(page.getByTestId('check-widgets.mime-type')).toHaveAttribute('data-status', 'fail');
  await expect(
    page.getByTestId('widget-show_dashboard').getByTestId('widget-findings'),
  ).toContainText('widgets.mime-type');
});

test('a server without widgets skips the Widget row and says why', async ({ page }) => {
  await openRun(page, 'healthy');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'skipped');
  await expect(page.getByTestId('row-widgets')).toContainText('no tool declares a widget');
  await expect(page.getByTestId('widgets-none')).toContainText('No tool declares a widget');
});

test('an error thrown inside a widget appears in its card', async ({ page }) => {
  await openRun(page, 'widget-runtime-error');
  const log = page.getByTestId('widget-log-show_dashboard');
  await expect(log.locator('[data-kind="error"]')).toContainText(
    "Uncaught TypeError: Cannot read properties of null (reading 'invoice')",
  );
  await expect(log).toContainText('1 problem');
});

test('assets on localhost are findings, and their failed loads show in the preview', async ({
  page,
}) => {
  await openRun(page, 'widget-localhost-assets');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'fail');
  const card = page.getByTestId('widget-show_dashboard');
  const assets = card.getByTestId('widget-asset');
  await expect(assets).toHaveCount(2);
  await expect(assets.first()).toContainText('http://localhost:5173/assets/index.js');
  await expect(assets.first()).toContainText('loopback');
  await expect(assets.first()).toContainText('ECONNREFUSED');
  await expect(
    card.getByTestId('widget-log-show_dashboard').locator('[data-kind="asset"]').first(),
  ).toContainText('failed to load http://localhost:5173/assets/');
});

test('a hostile widget stays in its sandbox: no DOM, cookie, storage, navigation or forged report reaches the dashboard', async ({
  page,
  context,
}) => {
  await context.addCookies([
    { name: 'dashboard-secret', value: 'cookie-value-not-for-widgets', url: ORIGIN },
  ]);
  const id = await openRun(page, 'widget-hostile');
  const url = page.url();
  const frame = page.frameLocator('[data-testid="widget-preview-show_dashboard"]');
  const status = frame.locator('#status');
  await expect(status).toContainText('Hostile widget ran.');
  await expect(status).toContainText('parent DOM: blocked');
  await expect(status).toContainText('cookie: blocked');
  await expect(status).toContainText('storage: blocked');
  await expect(status).not.toContainText('cookie-value-not-for-widgets');
  await expect(status).not.toContainText('OPENED');

  // The dashboard is as it was: same URL, its own content, nothing the widget wrote.
  expect(page.url()).toBe(url);
  expect(url).toContain(`/runs/${id}`);
  await expect(page.getByTestId('row-widgets')).toBeVisible();
  // (The widget's HTML, PWNED and all, is shown as text in the raw log; as a heading it must not be.)
  await expect(page.getByRole('heading', { name: 'PWNED' })).toHaveCount(0);
  expect(context.pages()).toHaveLength(1);

  // Forged reports (no nonce, or a guessed one) were dropped and counted; a forged size too.
  const log = page.getByTestId('widget-log-show_dashboard');
  await expect(log).toContainText('unsigned messages ignored');
  await expect(log).not.toContainText('FORGED');
  // The attempt to send data out was stopped by the preview's CSP, and reported as such.
  await expect(log.locator('[data-kind="csp"]').first()).toContainText(
    'Blocked by connect-src: http://127.0.0.1:9/exfiltrate',
  );
  const box = await page.getByTestId('widget-preview-show_dashboard').boundingBox();
  expect(box?.height ?? 0).toBeLessThan(1000);
});

test('the preview document is sandboxed even when opened on its own', async ({ page }) => {
  await openRun(page, 'widget-apps-sdk');
  const iframe = page.getByTestId('widget-preview-show_greeting');
  await expect(iframe).toHaveAttribute('src', /^\/widget-preview\//);
  const src = await iframe.getAttribute('src');
  const response = await page.request.get(src ?? '');
  expect(response.headers()['content-security-policy']).toContain('sandbox allow-scripts');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  await page.goto(src ?? '');
  await expect(page.getByText('No tool output yet')).toBeVisible();
  const origin = await page.evaluate(() => window.origin);
  expect(origin).toBe('null');
});
