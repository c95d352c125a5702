import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { finishedSampleRun } from './samples';

/** Starts a run of the "Tools to call" sample through the API, waits for it, and opens its page. */
async function openRun(page: Page): Promise<string> {
  const id = await finishedSampleRun(page.request, 'tools-to-call');
  await page.goto(`/runs/${id}`);
  await expect(page.getByTestId('tool-get_order')).toBeVisible();
  return id;
}

test('any tool can be called from its card: output verdicts, a confirmation for a destructive tool, exchanges in the raw log', async ({
  page,
}) => {
  const id = await openRun(page);

  // get_order: read-only, structuredContent conforms to the outputSchema.
  const get = page.getByTestId('tool-get_order');
  await get.getByTestId('tool-call-get_order').locator('summary').first().click();
  await get.getByLabel('id').fill('A-1001');
  await get.getByRole('button', { name: 'Call', exact: true }).click();
  const getResult = get.getByTestId('call-result-get_order');
  await expect(getResult.getByTestId('output-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(getResult).toContainText('"status": "open"');

  // order_totals: structuredContent that breaks its outputSchema, with Ajv's errors.
  const totals = page.getByTestId('tool-order_totals');
  await totals.getByTestId('tool-call-order_totals').locator('summary').first().click();
  await totals.getByRole('button', { name: 'Call', exact: true }).click();
  const verdict = totals.getByTestId('call-result-order_totals').getByTestId('output-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
  await expect(verdict).toContainText('/currency');
  await expect(verdict).toContainText('must be integer');

  // cancel_order: destructive; the button stays disabled until the confirmation is checked.
  const cancel = page.getByTestId('tool-cancel_order');
  await cancel.getByTestId('tool-call-cancel_order').locator('summary').first().click();
  await expect(cancel.getByTestId('destructive-note-cancel_order')).toContainText(
    'Destructive: cancel_order is annotated destructiveHint: true',
  );
  await cancel.getByLabel('id').fill('A-1002');
  const button = cancel.getByRole('button', { name: 'Call', exact: true });
  await expect(button).toBeDisabled();
  // The API refuses it too, without confirm: true.
  const refused = await page.request.post(`/api/runs/${id}/calls`, {
    data: { tool: 'cancel_order', arguments: { id: 'A-1002' } },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: { code: 'confirmation-required' } });
  await cancel.getByLabel('I understand this may change data on my server').check();
  await expect(button).toBeEnabled();
  await button.click();
  const cancelResult = cancel.getByTestId('call-result-cancel_order');
  await expect(cancelResult).toContainText('Order A-1002 cancelled.');
  await expect(cancelResult).toContainText('confirmed by you');

  // The calls are part of the run, and their exchanges are in the raw log after the refresh.
  const run = (await (await page.request.get(`/api/runs/${id}`)).json()) as {
    report: { calls: { tool: string; exchangeIds: string[] }[] };
  };
  expect(run.report.calls.map((c) => c.tool)).toEqual([
    'get_order',
    'order_totals',
    'cancel_order',
  ]);
  const last = run.report.calls.at(-1)?.exchangeIds ?? [];
  expect(last.length).toBeGreaterThan(0);
  for (const x of last) await expect(page.locator(`[id="exchange-${x}"]`)).toBeAttached();
  await expect(
    page.locator('[id^="exchange-"]').filter({ hasText: 'tools/call' }).first(),
  ).toBeAttached();
});

// The Call sections after calls, in both themes: the destructive note and button, the verdict
// badges and Ajv's errors keep WCAG AA contrast (the dark theme mirrors every colour).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the Call sections with results have no axe violations (${colorScheme})`, async ({
      page,
    }) => {
      await openRun(page);
      const totals = page.getByTestId('tool-order_totals');
      await totals.getByTestId('tool-call-order_totals').locator('summary').first().click();
      await totals.getByRole('button', { name: 'Call', exact: true }).click();
      await expect(
        totals.getByTestId('call-result-order_totals').getByTestId('output-verdict'),
      ).toHaveAttribute('data-verdict', 'invalid');
      const cancel = page.getByTestId('tool-cancel_order');
      await cancel.getByTestId('tool-call-cancel_order').locator('summary').first().click();
      await cancel.getByLabel('id').fill('A-1003');
      await cancel.getByLabel('I understand this may change data on my server').check();
      await cancel.getByRole('button', { name: 'Call', exact: true }).click();
      await expect(cancel.getByTestId('call-result-cancel_order')).toContainText(
        'Order A-1003 cancelled.',
      );

      const { violations } = await new AxeBuilder({ page })
        .include('[data-testid^="tool-call-"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    });
  });
}
