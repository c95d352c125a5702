import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

async function checkHealthySample(page: Page): Promise<string> {
  await page.goto('/');
  await page
    .getByTestId('sample-healthy')
    .getByRole('button', { name: /^Check / })
    .click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('log-count')).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

test('the raw log filters by text, downloads a HAR and copies a request as curl', async ({
  page,
  context,
}) => {
  await checkHealthySample(page);
  const log = page.getByTestId('raw-log');
  const exchanges = log.getByRole('list', { name: 'Exchanges' }).locator(':scope > li');
  const total = await exchanges.count();
  expect(total).toBeGreaterThan(2);
  await expect(page.getByTestId('log-count')).toHaveText(`${total} of ${total} exchanges`);
  // One waterfall bar per exchange shown.
  await expect(log.getByRole('list', { name: 'Timing waterfall' }).locator('li')).toHaveCount(
    total,
  );

  // Only the tools/list request carries this method name in its body.
  await log.getByLabel('Search URL, headers, bodies').fill('tools/list');
  await expect(page.getByTestId('log-count')).not.toHaveText(`${total} of ${total} exchanges`);
  const shown = await exchanges.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  await expect(page.getByTestId('log-count')).toHaveText(`${shown} of ${total} exchanges`);
  await expect(exchanges.first()).toContainText('tools/list');
  await log.getByLabel('Search URL, headers, bodies').fill('no-such-text-anywhere-42');
  await expect(log.getByText('No exchange matches these filters.')).toBeVisible();
  await log.getByLabel('Search URL, headers, bodies').fill('');
  await expect(exchanges).toHaveCount(total);

  // The HAR link downloads HAR 1.2 with one entry per exchange.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    log.getByRole('link', { name: 'Download HAR' }).click(),
  ]);
  const har = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    log: { version: string; entries: unknown[] };
  };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.length).toBeGreaterThan(0);
  // One JSON download on the page, at the top: the export, which another dashboard can import.
  await expect(page.getByRole('link', { name: /JSON/ })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Download JSON' })).toHaveAttribute(
    'href',
    /^\/api\/runs\/[A-Za-z0-9_-]{22}\/export$/,
  );

  // Copy as curl on the initialize exchange puts a runnable command on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const initialize = log.locator('[data-rpc="initialize"]').first();
  await initialize.locator('summary').click();
  await initialize.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(initialize.getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^curl -X 'POST' 'http:\/\/localhost:\d+\/samples\/healthy\/mcp'/);
  expect(copied).toContain('--data-raw');
  expect(copied).toContain('"method":"initialize"');
});
