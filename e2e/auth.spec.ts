import { expect, test, type Page } from '@playwright/test';
import { finishedSampleRun } from './samples';

async function checkSample(page: Page, slug: string) {
  await page.goto('/');
  await page
    .getByTestId(`sample-${slug}`)
    .getByRole('button', { name: /^Check / })
    .click();
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('auth-panel')).toBeVisible();
}

test('signing in as ChatGPT would ends in an authenticated tools list', async ({
  page,
  context,
}) => {
  // Two diagnoses and a sign-in through two tabs.
  test.setTimeout(180_000);
  await checkSample(page, 'oauth');
  await expect(page.getByTestId('row-auth')).toHaveAttribute('data-status', 'pass');

  // The challenge, then every discovery URL with its status and a link to its raw exchange.
  await expect(page.getByTestId('auth-challenge')).toContainText('resource_metadata');
  const attempts = page.getByTestId('discovery-attempt');
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText(
    '/.well-known/oauth-protected-resource/samples/oauth/mcp',
  );
  await expect(attempts.nth(1)).toContainText(
    '/.well-known/oauth-authorization-server/samples/oauth/oauth',
  );
  await expect(attempts.nth(1)).toContainText('HTTP 200');
  await attempts.nth(1).getByRole('link').click();
  const exchange = page.locator(':target');
  await expect(exchange).toHaveAttribute('open', '');
  await expect(exchange).toContainText('code_challenge_methods_supported');
  await expect(
    page
      .getByTestId('auth-document-authorization-server')
      .locator('[data-field="code_challenge_methods_supported"]'),
  ).toContainText('S256');

  await page.getByRole('button', { name: 'Sign in as ChatGPT would' }).click();
  await expect(page.getByTestId('flow-step-registration')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('flow-step-authorization')).toContainText('S256');
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: /Open the sign-in page/ }).click(),
  ]);
  await expect(popup.getByTestId('consent')).toContainText('Allow MCP Doctor');
  await popup.getByRole('button', { name: 'Approve' }).click();
  await expect(popup).toHaveURL(/\/oauth\/flows\/[A-Za-z0-9_-]{24}$/);
  await expect(popup.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(popup.getByTestId('flow-step-token')).toHaveAttribute('data-status', 'ok');
  await popup.close();

  // Back on the run page, which followed along: the signed-in run lists the tools behind OAuth.
  await page.getByRole('link', { name: /Open the signed-in run/ }).click();
  await expect(page.getByTestId('tool-list_notes')).toBeVisible();
  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('auth-token')).toContainText('Accepted');
  // Broken → fixed: compared with the run before sign-in, which could not list the tools.
  const history = page.getByTestId('run-history');
  await expect(history).toContainText('Changes since the previous run');
  await expect(history.getByTestId('run-diff')).toBeVisible();
  await expect(history.getByTestId('row-change-tools')).toContainText('Pass');
  const initialize = page.locator('[data-rpc="initialize"]').first();
  await initialize.locator('summary').click();
  await expect(initialize).toContainText('Bearer [redacted]');
});

const BROKEN: [slug: string, row: string, check: string, shows: string][] = [
  ['oauth-no-resource-metadata', 'warn', 'auth.challenge', 'no resource_metadata'],
  ['oauth-resource-mismatch', 'fail', 'auth.resource-match', 'https://api.example.com/mcp'],
  ['oauth-no-pkce', 'fail', 'auth.pkce', 'code_challenge_methods_supported'],
  ['oauth-no-registration', 'fail', 'auth.registration', 'registration_endpoint'],
  ['oauth-wrong-issuer', 'fail', 'auth.issuer', '/samples/oauth/oauth'],
];

for (const [slug, row, check, shows] of BROKEN) {
  test(`the ${slug} sample shows its finding in the Auth row and panel`, async ({
    page,
    request,
  }) => {
    // Opened once finished, so the server renders the report itself.
    const id = await finishedSampleRun(request, slug);
    await page.goto(`/runs/${id}`);
    await expect(page.getByTestId('row-auth')).toHaveAttribute('data-status', row);
    await expect(page.getByTestId(`check-${check}`)).toHaveAttribute('data-status', 'fail');
    const verdict = page.getByTestId('auth-panel').getByTestId(`verdict-${check}`);
    await expect(verdict).toHaveAttribute('data-status', 'fail');
    await expect(verdict).toContainText(shows);
  });
}

test('the sign-in stops at the step that fails, and says why', async ({ page }) => {
  await checkSample(page, 'oauth-no-registration');
  await page.getByRole('button', { name: 'Sign in as ChatGPT would' }).click();
  await expect(page.getByTestId('flow-step-registration')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('flow-step-registration')).toContainText(
    'neither dynamic client registration nor client ID metadata documents',
  );
  await expect(page.getByRole('link', { name: /Open the sign-in page/ })).toHaveCount(0);
});

test('an open server’s Auth row is skipped: no authentication required', async ({ page }) => {
  await checkSample(page, 'healthy');
  await expect(page.getByTestId('row-auth')).toHaveAttribute('data-status', 'skipped');
  await expect(page.getByTestId('row-auth')).toContainText('no authentication required');
  await expect(page.getByTestId('auth-panel')).toContainText('No authentication required');
});
