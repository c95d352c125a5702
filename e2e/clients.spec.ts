import { expect, test, type Page } from '@playwright/test';
import { HEALTHY } from './samples';

/** The healthy sample from the home page: the app serves it on localhost, over plain http. */
async function checkHealthy(page: Page) {
  await page.goto('/');
  await page
    .getByTestId('sample-healthy')
    .getByRole('button', { name: /^Check / })
    .click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('client-matrix')).toBeVisible();
}

const CLIENTS = ['chatgpt', 'claude', 'vscode', 'cursor', 'browser', 'generic'];

test('the client matrix sits under the four rows, and the clients disagree on a local server', async ({
  page,
}) => {
  await checkHealthy(page);
  // Right under ChatGPT's table, before the checks.
  const order = await page
    .locator('section[aria-labelledby]')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-labelledby')));
  expect(order.slice(0, 3)).toEqual(['issues-title', 'clients-title', 'checks-title']);

  const matrix = page.getByTestId('client-matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(CLIENTS.length);
  for (const id of CLIENTS) await expect(page.getByTestId(`client-${id}`)).toBeVisible();
  // Hosted clients cannot reach localhost; the editors on this machine can.
  await expect(page.getByTestId('client-chatgpt')).toHaveAttribute('data-verdict', 'blocked');
  await expect(page.getByTestId('client-claude')).toHaveAttribute('data-verdict', 'blocked');
  await expect(page.getByTestId('client-vscode')).toHaveAttribute('data-verdict', 'works');
  await expect(page.getByTestId('client-cursor')).toHaveAttribute('data-verdict', 'works');
  // The sample sends no CORS headers (Next answers its OPTIONS with 204 and nothing else): a page
  // on another origin cannot use it.
  await expect(page.getByTestId('client-browser')).toHaveAttribute('data-verdict', 'blocked');
  await expect(page.getByTestId('client-browser')).toContainText(
    'The preflight answer has no Access-Control-Allow-Origin, which does not admit http://localhost:6274.',
  );
  // Verdicts are words, not colours alone.
  await expect(page.getByTestId('client-vscode')).toContainText('Works');
  await expect(page.getByTestId('client-chatgpt')).toContainText('Blocked');
});

test('each reason names its source and links to the check and the exchange that prove it', async ({
  page,
}) => {
  await checkHealthy(page);
  const chatgpt = page.getByTestId('client-chatgpt');
  await chatgpt.getByText(/^\d+ rules for ChatGPT$/).click();
  const https = chatgpt.getByTestId('reason-chatgpt.https');
  await expect(https).toBeVisible();
  await expect(https).toHaveAttribute('data-outcome', 'blocked');
  await expect(https).toContainText('The URL is plain http; ChatGPT needs https.');
  const source = https.getByRole('link', { name: /^Source: developers\.openai\.com/ });
  await expect(source).toHaveAttribute(
    'href',
    'https://developers.openai.com/apps-sdk/deploy/connect-chatgpt',
  );
  await expect(https).toContainText('documented by the vendor, as of 2026-12-04');

  // The exchange that carried the URL, in the raw log.
  const exchange = https.locator('a[href^="#exchange-"]').first();
  const target = (await exchange.getAttribute('href'))?.slice(1) ?? '';
  await exchange.click();
  await expect(page).toHaveURL(new RegExp(`#${target}$`));
  await expect(page.locator(`[id="${target}"]`)).toBeVisible();
  await expect(page.locator(`[id="${target}"]`)).toContainText('/samples/healthy/mcp');

  // The check that decided it.
  await https.getByRole('link', { name: 'Check connection.url' }).click();
  await expect(page.getByTestId('check-connection.url')).toBeVisible();
});

test('the matrix is readable at 390 px, without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await checkHealthy(page);
  const browser = page.getByTestId('client-browser');
  await browser.getByText(/rules for Browser-based clients$/).click();
  await expect(browser.getByTestId('reason-browser.cors-preflight')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // The row's cells stack: the verdict sits under the client's name, not beside it.
  const name = await browser.locator('th').boundingBox();
  const verdict = await browser.locator('td').first().boundingBox();
  expect(verdict && name && verdict.y).toBeGreaterThan(name?.y ?? Infinity);
  // The rules open with the keyboard too.
  const summary = page.getByTestId('client-vscode').locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reason-vscode.tool-count')).toBeVisible();
});

test.describe('--client over HTTP: /api/check and /api/runs', () => {
  const check = (query: string) => `/api/check?url=${encodeURIComponent(HEALTHY)}&${query}`;

  test('the status follows the named client’s verdict', async ({ request }) => {
    const vscode = await request.get(check('client=vscode'));
    expect(vscode.status()).toBe(200);
    const report = (await vscode.json()) as {
      healthy: boolean;
      request: { client?: string[] };
      clients: { id: string; verdict: string }[];
    };
    expect(report.request.client).toEqual(['vscode']);
    expect(report.clients.map((c) => c.id)).toEqual(CLIENTS);
    expect((await request.get(check('client=chatgpt'))).status()).toBe(503);
    expect((await request.get(check('client=vscode,cursor'))).status()).toBe(200);
    expect((await request.get(check('client=vscode,chatgpt'))).status()).toBe(503);
    // No client named: ChatGPT's table decides, and a localhost warning alone passes.
    expect((await request.get(check(''))).status()).toBe(200);
  });

  test('JUnit has a suite per client', async ({ request }) => {
    const junit = await request.get(check('client=claude&format=junit'));
    expect(junit.status()).toBe(503);
    const xml = await junit.text();
    expect(xml).toContain('<testsuite name="Client: ChatGPT" id="client.chatgpt"');
    expect(xml).toContain('<testcase classname="client.claude" name="claude.port-443"');
  });

  test('an unknown client is refused with the ids', async ({ request }) => {
    for (const response of [
      await request.get(check('client=copilot')),
      await request.post('/api/check', { data: { url: HEALTHY, client: 'copilot' } }),
      await request.post('/api/runs', { data: { url: HEALTHY, client: 'copilot' } }),
    ]) {
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toContain(
        '"copilot" is unknown; the clients judged are chatgpt, claude, vscode, cursor, browser, generic',
      );
    }
  });
});
