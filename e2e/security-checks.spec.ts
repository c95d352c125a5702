import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { POISONED_TOOLS, WIDGET_CSP_GAPS } from './samples';

/**
 * The security checks as a user meets them: each sample checked from the home page shows its
 * findings under its row with the Security label (smuggled characters escaped, never raw), and a
 * CI job reading the API's JUnit gets the same findings as failing test cases.
 */
async function checkSample(page: Page, slug: string) {
  await page.goto('/');
  await page
    .getByTestId(`sample-${slug}`)
    .getByRole('button', { name: /^Check / })
    .click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole('status').filter({ hasText: 'Check finished' })).toBeAttached({
    timeout: 30_000,
  });
}

test('poisoned tool descriptions: Security findings under the Tools row, invisible characters escaped', async ({
  page,
}) => {
  await checkSample(page, 'poisoned-tools');
  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'fail');

  const smuggled = page.getByTestId('check-tools.smuggled-characters');
  await expect(smuggled).toHaveAttribute('data-status', 'fail');
  await expect(smuggled).toHaveAttribute('data-severity', 'error');
  await expect(smuggled).toHaveAttribute('data-group', 'security');
  await expect(page.getByTestId('check-group-tools.smuggled-characters')).toHaveText('Security');
  await expect(smuggled).toContainText('get_weather');
  await expect(smuggled).toContainText('\\u200b');
  await expect(smuggled).toContainText('\\u{e0041}');
  // The characters themselves never reach the page's text.
  expect(await smuggled.innerText()).not.toMatch(/[\u200b\u{e0000}-\u{e007f}]/u);

  const instructions = page.getByTestId('check-tools.suspicious-instructions');
  await expect(instructions).toHaveAttribute('data-severity', 'warning');
  await expect(page.getByTestId('check-group-tools.suspicious-instructions')).toBeVisible();
  await expect(instructions).toContainText('<IMPORTANT>');
  await expect(instructions).toContainText('~/.ssh/id_rsa');
  await expect(page.getByTestId('security-findings-tools')).toHaveText('2 security findings');
});

test('a widget using an undeclared origin: the line and the key to add, under the Widget row', async ({
  page,
}) => {
  await checkSample(page, 'widget-csp-gaps');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'warn');
  const coverage = page.getByTestId('check-widgets.csp-coverage');
  await expect(coverage).toHaveAttribute('data-status', 'fail');
  await expect(coverage).toHaveAttribute('data-group', 'security');
  await expect(page.getByTestId('check-group-widgets.csp-coverage')).toHaveText('Security');
  await expect(coverage).toContainText(
    'https://telemetry.example.net is used by fetch at inline #1 line 11',
  );
  await expect(coverage).toContainText(
    'add "https://telemetry.example.net" to ui.csp.connectDomains',
  );
  await expect(coverage).toContainText('ui.csp.frameDomains declares "https://maps.example.com"');
});

test('the API’s JUnit carries the security findings as failing test cases', async ({ request }) => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const failing = async (url: string) => {
    const response = await request.get(`/api/check?url=${encodeURIComponent(url)}&format=junit`);
    const doc = parser.parse(await response.text()) as {
      testsuites: { testsuite: { testcase?: { name: string; failure?: unknown }[] }[] };
    };
    return {
      status: response.status(),
      failing: doc.testsuites.testsuite
        .flatMap((s) => s.testcase ?? [])
        .filter((c) => c.failure !== undefined)
        .map((c) => c.name),
    };
  };

  const poisoned = await failing(POISONED_TOOLS);
  expect(poisoned.status).toBe(503);
  expect(poisoned.failing).toEqual(
    expect.arrayContaining(['tools.smuggled-characters', 'tools.suspicious-instructions']),
  );
  const gaps = await failing(WIDGET_CSP_GAPS);
  // Warnings alone keep the run healthy; they are failing cases all the same.
  expect(gaps.status).toBe(200);
  expect(gaps.failing).toContain('widgets.csp-coverage');
});
