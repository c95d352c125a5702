import { expect, test, type Page } from '@playwright/test';

async function checkSample(page: Page, slug: string) {
  await page.goto('/');
  await page
    .getByTestId(`sample-${slug}`)
    .getByRole('button', { name: /^Check / })
    .click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
}

test('a server that speaks only 2026-07-28 is checked on every row, and the Connection row says who cannot use it', async ({
  page,
}) => {
  await checkSample(page, 'modern-only');

  await expect(page.getByTestId('row-connection')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('row-connection')).toContainText('only MCP 2026-07-28');
  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-connection.protocol-era')).toHaveAttribute(
    'data-status',
    'fail',
  );
  await expect(page.getByTestId('tool-get_forecast')).toBeAttached();
  await expect(page.getByTestId('server-facts').getByText('2026-07-28 only')).toBeVisible();

  // The raw log shows the 2026-07-28 envelope of server/discover.
  const discover = page.locator('[data-rpc="server/discover"][data-era="modern"]').first();
  await discover.locator('summary').click();
  await expect(discover).toContainText('mcp-method');
  await expect(discover).toContainText('io.modelcontextprotocol/protocolVersion');
});

test('a dual-era server is checked on both legs, which agree', async ({ page }) => {
  await checkSample(page, 'dual-era');

  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-connection.protocol-era')).toHaveAttribute(
    'data-status',
    'pass',
  );
  await expect(page.getByTestId('check-connection.era-parity')).toHaveAttribute(
    'data-status',
    'pass',
  );
  await expect(page.getByText('both eras (2025 handshake and 2026-07-28)').first()).toBeVisible();
});
