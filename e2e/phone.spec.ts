import { expect, test, type APIRequestContext } from '@playwright/test';
import { SAMPLES } from '../lib/samples/catalog';
import { samplePath } from '../lib/samples/types';

const ORIGIN = process.env.MCP_DOCTOR_E2E_ORIGIN ?? '';

/** Starts a run of a sample through the API and waits until it has ended. */
async function finishedRun(request: APIRequestContext, path: string): Promise<string> {
  const started = await request.post('/api/runs', { data: { url: `${ORIGIN}${path}` } });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/runs/${id}`)).json()) as { state: string }).state,
      { timeout: 45_000 },
    )
    .not.toBe('running');
  return id;
}

test.use({ viewport: { width: 390, height: 844 } });

// Every built-in sample's run page, every disclosure open, fits a 390 px phone without sideways
// scrolling: tables become cards, long URLs and JSON wrap or scroll inside their own box.
for (const sample of SAMPLES) {
  test(`the ${sample.slug} run page fits 390 px`, async ({ page, request }, testInfo) => {
    const id = await finishedRun(request, samplePath(sample));
    await page.goto(`/runs/${id}`);
    await expect(page.getByTestId('row-connection')).toBeVisible();
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    await testInfo.attach(`${sample.slug}-390.png`, {
      body: await page.screenshot({ fullPage: false }),
      contentType: 'image/png',
    });
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  });
}
