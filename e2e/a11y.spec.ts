import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HEALTHY, ORIGIN } from './samples';

const INVALID_TOOLS = `${ORIGIN}/samples/invalid-tools/mcp`;
const OAUTH = `${ORIGIN}/samples/oauth/mcp`;
const WIDGETS = [
  ['an Apps SDK', `${ORIGIN}/samples/widget-apps-sdk/mcp`, 'show_greeting'],
  ['an MCP Apps', `${ORIGIN}/samples/widget-mcp-apps/mcp`, 'get_forecast'],
] as const;

/** Zero axe-core violations (WCAG 2.x A and AA), each reported by rule and element when not. */
async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Every disclosure open, so what is folded away is checked too. */
const openEverything = (page: Page) =>
  page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });

async function runPage(page: Page, url: string) {
  await page.goto('/');
  await page
    .getByRole('form', { name: 'Check an MCP endpoint' })
    .getByLabel('MCP endpoint URL')
    .fill(url);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('row-connection')).toBeVisible();
  await openEverything(page);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the home page has no axe violations', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('form', { name: 'Check an MCP endpoint' })).toBeVisible();
      await expectNoViolations(page);
    });

    for (const [name, url] of [
      ['a failing', INVALID_TOOLS],
      ['an OAuth', OAUTH],
    ] as const) {
      test(`${name} run page, every section open, has no axe violations`, async ({ page }) => {
        await runPage(page, url);
        await expectNoViolations(page);
      });
    }

    for (const [name, url, tool] of WIDGETS) {
      test(`${name} widget's run page, the widget rendered in its theme, has no axe violations`, async ({
        page,
      }) => {
        await runPage(page, url);
        // axe goes into the preview's frame too: the widget must be there and themed first.
        await expect(page.getByTestId(`widget-log-${tool}`)).toHaveAttribute(
          'data-bridge',
          'loaded',
        );
        await expect(
          page.frameLocator(`[data-testid="widget-preview-${tool}"]`).locator('html'),
        ).toHaveAttribute('data-theme', colorScheme);
        await expectNoViolations(page);
      });
    }

    test('the history and session pages have no axe violations', async ({ page }) => {
      await runPage(page, HEALTHY);
      await page.goto(`/history?url=${encodeURIComponent(HEALTHY)}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page);

      await page.goto('/sessions');
      await page.getByLabel('Endpoint to debug').fill(HEALTHY);
      await page.getByLabel(/Session name/).fill('Axe');
      await page.getByRole('button', { name: 'Start a debugging session' }).click();
      await expect(page).toHaveURL(/\/sessions\/[A-Za-z0-9_-]{22}$/);
      await expect(page.getByTestId('session-runs').locator(':scope > li')).toHaveCount(1);
      await openEverything(page);
      await expectNoViolations(page);
    });
  });
}

test('the theme toggle pins dark over a light system, and the page turns dark', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  const toggle = page.getByTestId('theme-toggle');
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(toggle).toHaveAttribute('data-theme-choice', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
