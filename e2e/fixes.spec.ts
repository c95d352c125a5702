import { expect, test, type Page } from '@playwright/test';

async function checkSample(page: Page, slug: string) {
  await page.goto('/');
  await page
    .getByTestId(`sample-${slug}`)
    .getByRole('button', { name: /^Check / })
    .click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('row-connection')).toBeVisible();
}

test('verdict and rows come first; history sits below them', async ({ page }) => {
  await checkSample(page, 'healthy');
  const top = async (selector: string) => (await page.locator(selector).boundingBox())?.y ?? -1;
  expect(await top('h1')).toBeLessThan(await top('[data-testid="row-connection"]'));
  expect(await top('[data-testid="row-auth"]')).toBeLessThan(
    await top('[data-testid="run-history"]'),
  );
});

test('each finding of invalid-tools carries its own fix, and the row opens the others', async ({
  page,
}) => {
  await checkSample(page, 'invalid-tools');
  const findings = page.getByTestId('check-tools.input-schema').getByTestId('finding');
  // `minimum` is a string: the fix names the keyword, not `type: object` at the root.
  const recent = findings.filter({ hasText: 'recent_pages' });
  await expect(recent).toContainText('Fix:');
  await expect(recent).not.toContainText('Put "type": "object" at the root');
  await expect(findings.filter({ hasText: 'tag_pages' })).toContainText(
    'Put "type": "object" at the root',
  );

  const row = page.getByTestId('row-tools');
  const more = row.getByTestId('more-findings');
  await more.getByText(/^\+\d+ more$/).click();
  await expect(more.getByRole('link', { name: 'Check tools.name' })).toBeVisible();
  await expect(more).toContainText('Fix: Rename the tools');
});

test('a wrong path offers to check the URL that answers MCP', async ({ page }) => {
  await checkSample(page, 'wrong-path');
  await page
    .getByTestId('row-connection')
    .getByRole('button', { name: 'Check /samples/healthy/mcp instead' })
    .click();
  await expect(page.getByTestId('report-url')).toHaveText(/\/samples\/healthy\/mcp$/);
});

test('auth blocking the tools offers to sign in, next to the row', async ({ page }) => {
  await checkSample(page, 'oauth');
  await page.getByTestId('row-tools').getByRole('link', { name: 'Sign in to list tools' }).click();
  await expect(page).toHaveURL(/#sign-in$/);
  await expect(page.getByTestId('oauth-sign-in')).toBeInViewport();
  // The 401 that starts sign-in is expected: neutral in the log, with why.
  const challenge = page.locator('[data-testid^="exchange-"][data-rpc="initialize"]').first();
  await expect(challenge).toHaveAttribute('data-outcome', 'expected');
  await expect(challenge).toContainText('Expected: asks for sign-in');
});

test('the optional GET stream refused with 405 is neutral, and bars are named by method', async ({
  page,
}) => {
  await checkSample(page, 'healthy');
  const log = page.getByTestId('raw-log');
  const get = log
    .locator('details[data-outcome]')
    .filter({ hasText: /GET http\S+\/samples\/healthy\/mcp/ });
  await expect(get).toHaveAttribute('data-outcome', 'expected');
  await expect(get).toContainText('405');
  await expect(get).not.toHaveAttribute('open', '');
  const waterfall = log.getByRole('list', { name: 'Timing waterfall' });
  // The handshake's two, and the exposure step's two (a foreign Origin, a foreign Host), which this
  // loopback sample accepts as the SDK's default transport does.
  await expect(waterfall.getByText(/^initialize 200 /)).toHaveCount(4);
  await expect(waterfall.getByText(/^tools\/list 200 /).first()).toBeVisible();
});
