import { expect, test, type Page } from '@playwright/test';
import { driftingServer } from './drifting-server';
import { HEALTHY, finishedRun } from './samples';

type Drifting = Awaited<ReturnType<typeof driftingServer>>;
let server: Drifting;
test.beforeAll(async () => {
  server = await driftingServer();
});
test.afterAll(() => server?.close());

/** Marks the page so a reload (which would clear the mark) can be told apart from a live update. */
const markLoaded = (page: Page) =>
  page.evaluate(() => Object.assign(window, { __sessionMark: 'kept' }));
const stillLoaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sessionMark?: string }).__sessionMark);

const runItems = (page: Page) => page.getByTestId('session-runs').locator(':scope > li');

test('two people on one session: a rerun, its drift and a note appear for both without reloading', async ({
  browser,
}) => {
  server.setVersion(1);
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();

  await alice.goto('/sessions');
  await alice.getByLabel('Endpoint to debug').fill(server.url);
  await alice.getByLabel(/Session name/).fill('Search tool missing in ChatGPT');
  await alice.getByRole('button', { name: 'Start a debugging session' }).click();
  await expect(alice).toHaveURL(/\/sessions\/[A-Za-z0-9_-]{22}$/);
  await expect(
    alice.getByRole('heading', { name: 'Search tool missing in ChatGPT' }),
  ).toBeVisible();
  await expect(runItems(alice)).toHaveCount(1);
  await expect(runItems(alice).first()).not.toContainText('Checking…');

  await bob.goto(alice.url());
  await expect(runItems(bob)).toHaveCount(1);
  await markLoaded(alice);
  await markLoaded(bob);

  // The developer changes the server; Alice reruns, Bob watches.
  server.setVersion(2);
  await alice.getByRole('button', { name: 'Rerun now' }).click();
  await expect(runItems(bob)).toHaveCount(2);
  const diff = bob.getByTestId('run-diff');
  await expect(diff).toContainText(/added\s*summarize/);
  await expect(diff).toContainText(/removed\s*fetch/);
  await expect(diff).toContainText(/changed\s*search: description/);
  await expect(bob.getByTestId('check-change-tools.drift')).toContainText('Note');
  await expect(runItems(alice)).toHaveCount(2);

  // Bob writes a note; Alice sees it, rendered, without a reload.
  await bob.getByLabel('Your name').fill('Bob');
  await bob
    .getByRole('textbox', { name: /^Note/ })
    .fill('Press **Refresh** in the connector settings <img src=x>');
  await bob.getByRole('button', { name: 'Add note' }).click();
  const note = alice.getByTestId('note');
  await expect(note).toContainText('Press Refresh in the connector settings');
  await expect(note.locator('strong')).toHaveText('Refresh');
  await expect(note.locator('img')).toHaveCount(0);
  await expect(note).toContainText('<img src=x>');
  await expect(note).toContainText('Bob');

  expect(await stillLoaded(alice)).toBe('kept');
  expect(await stillLoaded(bob)).toBe('kept');

  // The newest run's own page shows the drift check and the change since the previous run.
  await runItems(bob).first().getByRole('link').first().click();
  await expect(bob.getByTestId('check-tools.drift')).toBeAttached();
  await expect(bob.getByTestId('run-history')).toContainText('Changes since the previous run');
});

test('an exported run, imported, is re-checked into the same report', async ({ page, request }) => {
  const id = await finishedRun(request, HEALTHY);

  // The endpoint's history lists it first, a bounded page with a cursor to the next one.
  const history = await request.get(`/api/runs?url=${encodeURIComponent(HEALTHY)}&limit=1`);
  expect(history.status()).toBe(200);
  const page1 = (await history.json()) as { runs: { id: string }[]; next: string | null };
  expect(page1.runs.map((r) => r.id)).toEqual([id]);
  expect((await request.get('/api/runs?url=x&limit=1000')).status()).toBe(400);

  const exported = await request.get(`/api/runs/${id}/export`);
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="mcp-doctor-/);
  const file = await exported.body();

  const verdicts = async () => ({
    rows: await page
      .locator('[data-testid^="row-"]')
      .evaluateAll((rows) => rows.map((r) => [r.dataset.testid, r.dataset.status])),
    checks: await page
      .locator('[data-testid^="check-"][data-status]')
      .evaluateAll((checks) => checks.map((c) => [c.dataset.testid, c.dataset.status])),
  });
  await page.goto(`/runs/${id}`);
  const original = await verdicts();
  expect(original.checks.length).toBeGreaterThan(20);

  await page.goto('/history');
  await page.getByTestId('import-file').setInputFiles({
    name: 'run.json',
    mimeType: 'application/json',
    buffer: file,
  });
  await expect(page).toHaveURL(/\/runs\/[A-Za-z0-9_-]{22}$/);
  expect(page.url()).not.toContain(id);
  await expect(page.getByTestId('run-history')).toContainText('imported');
  expect(await verdicts()).toEqual(original);
});
