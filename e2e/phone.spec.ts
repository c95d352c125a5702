import { expect, test } from '@playwright/test';
import { SAMPLES } from '../lib/samples/catalog';
import { samplePath } from '../lib/samples/types';
import { ORIGIN, finishedRun, finishedSampleRun } from './samples';

test.use({ viewport: { width: 390, height: 844 } });

// Every built-in sample's run page, every disclosure open, fits a 390 px phone without sideways
// scrolling: tables become cards, long URLs and JSON wrap or scroll inside their own box.
for (const sample of SAMPLES) {
  test(`the ${sample.slug} run page fits 390 px`, async ({ page, request }, testInfo) => {
    const id = await finishedRun(request, `${ORIGIN}${samplePath(sample)}`, {
      anyEnd: true,
      timeout: 45_000,
    });
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

// The Call section after calls were made: the form, the destructive note, the results with their
// outputSchema verdicts (Ajv's errors included) and structuredContent, in both themes.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`tool cards with call results fit 390 px (${colorScheme})`, async ({ page, request }) => {
      const id = await finishedSampleRun(request, 'tools-to-call');
      await page.goto(`/runs/${id}`);
      const calls: { tool: string; id?: string; confirm?: boolean }[] = [
        { tool: 'get_order', id: 'A-1001' },
        { tool: 'order_totals' },
        { tool: 'cancel_order', id: 'A-1002', confirm: true },
      ];
      for (const call of calls) {
        const card = page.getByTestId(`tool-${call.tool}`);
        await card.getByTestId(`tool-call-${call.tool}`).locator('summary').first().click();
        if (call.id) await card.getByLabel('id').fill(call.id);
        if (call.confirm)
          await card.getByLabel('I understand this may change data on my server').check();
        await card.getByRole('button', { name: 'Call', exact: true }).click();
        await expect(card.getByTestId(`call-result-${call.tool}`)).toBeVisible();
      }
      await expect(
        page.getByTestId('call-result-order_totals').getByTestId('output-verdict'),
      ).toHaveAttribute('data-verdict', 'invalid');
      await expect(page.getByTestId('destructive-note-cancel_order')).toBeVisible();

      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
      for (const call of calls) {
        for (const part of [
          page.getByTestId(`call-form-${call.tool}`),
          page.getByTestId(`call-result-${call.tool}`),
        ]) {
          const box = await part.boundingBox();
          expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
          expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
        }
      }
    });
  });
}
