import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { finishedSampleRun } from './samples';

/** Starts a run of a sample through the API, waits for it to finish, and opens its page. */
async function openRun(page: Page, slug: string): Promise<void> {
  const id = await finishedSampleRun(page.request, slug);
  await page.goto(`/runs/${id}`);
  await expect(page.getByTestId('row-widgets')).toBeVisible();
}

/** The widget's own background, read inside its sandboxed frame. */
const background = (page: Page, tool: string) =>
  page
    .frameLocator(`[data-testid="widget-preview-${tool}"]`)
    .locator('body')
    .evaluate((body) => getComputedStyle(body).backgroundColor);

/** The fullscreen dialog covers the whole viewport: no strip of the page shows around it. */
async function expectCoversViewport(page: Page, tool: string) {
  const viewport = page.viewportSize();
  const box = await page.getByTestId(`widget-stage-${tool}`).boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: viewport?.width, height: viewport?.height });
}

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test.describe('light dashboard', () => {
  test.use({ colorScheme: 'light' });

  test('an Apps SDK widget gets theme and display mode through window.openai and openai:set_globals', async ({
    page,
  }) => {
    await openRun(page, 'widget-apps-sdk');
    const card = page.getByTestId('widget-show_greeting');
    const stage = card.getByTestId('widget-stage-show_greeting');
    const frame = page.frameLocator('[data-testid="widget-preview-show_greeting"]');
    const log = card.getByTestId('widget-log-show_greeting');

    // The dashboard's theme to start with, already in the served document.
    await expect(frame.getByText('Rendered with window.openai (theme light')).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
    const light = await background(page, 'show_greeting');

    // Theme: the widget re-renders on openai:set_globals.
    await stage
      .getByRole('group', { name: 'Widget theme' })
      .getByRole('button', { name: 'Dark', exact: true })
      .click();
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(
      frame.getByText('Rendered with window.openai (theme dark, locale en-US)'),
    ).toBeVisible();
    await expect.poll(() => background(page, 'show_greeting')).not.toBe(light);
    await expect(log).toContainText('openai:set_globals: theme dark, inline');

    // Fullscreen: a modal dialog with focus on its close button; Escape closes it and focus returns.
    const modes = stage.getByRole('group', { name: 'Widget display mode' });
    const fullscreenSwitch = modes.getByRole('button', { name: 'Fullscreen', exact: true });
    await fullscreenSwitch.click();
    const dialog = page.getByRole('dialog', { name: 'show_greeting widget, fullscreen' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog.getByRole('button', { name: /^Close fullscreen/ })).toBeFocused();
    await expect(frame.getByText('Display mode: fullscreen')).toBeVisible();
    await expectCoversViewport(page, 'show_greeting');
    const viewport = page.viewportSize();
    const box = await page.getByTestId('widget-preview-show_greeting').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan((viewport?.height ?? 0) * 0.7);
    // The page behind is inert: its theme toggle cannot take focus.
    await page.getByTestId('theme-toggle').evaluate((el) => (el as HTMLElement).focus());
    await expect(page.getByTestId('theme-toggle')).not.toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(fullscreenSwitch).toBeFocused();
    await expect(stage).toHaveAttribute('data-display-mode', 'inline');
    await expect(frame.getByText('Display mode: inline')).toBeVisible();

    // Picture-in-picture: a fixed panel over the page, closed back inline.
    await modes.getByRole('button', { name: 'PiP', exact: true }).click();
    await expect(stage).toHaveAttribute('data-display-mode', 'pip');
    expect(await stage.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    // As far from the viewport's bottom edge as from its right one.
    const pip = await stage.boundingBox();
    const right = (viewport?.width ?? 0) - (pip?.x ?? 0) - (pip?.width ?? 0);
    const bottom = (viewport?.height ?? 0) - (pip?.y ?? 0) - (pip?.height ?? 0);
    expect(right).toBeGreaterThan(0);
    expect(bottom).toBe(right);
    // In the narrow panel the "Display" label wraps with its switch, on the same row.
    const label = await stage.getByText('Display', { exact: true }).boundingBox();
    const switches = await modes.boundingBox();
    const middle = (b: typeof label) => (b?.y ?? 0) + (b?.height ?? 0) / 2;
    expect(Math.abs(middle(label) - middle(switches))).toBeLessThan(4);
    await expect(frame.getByText('Display mode: pip')).toBeVisible();
    await expect(card.getByTestId('widget-away-show_greeting')).toContainText('picture-in-picture');
    await stage.getByRole('button', { name: /^Close picture-in-picture/ }).click();
    await expect(stage).toHaveAttribute('data-display-mode', 'inline');

    // The widget asks: window.openai.requestDisplayMode resolves with the granted mode.
    await frame.getByRole('button', { name: 'Open fullscreen' }).click();
    await expect(dialog).toBeVisible();
    await expect(frame.getByText('Display mode: fullscreen (granted)')).toBeVisible();
    await expect(log.locator('[data-kind="host"]')).toContainText(
      'window.openai.requestDisplayMode(fullscreen): granted fullscreen',
    );
    await frame.getByRole('button', { name: 'Back inline' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(frame.getByText('Display mode: inline (granted)')).toBeVisible();
  });

  test('an MCP Apps widget gets theme and display mode in its host context, and changes as host-context-changed', async ({
    page,
  }) => {
    await openRun(page, 'widget-mcp-apps');
    const card = page.getByTestId('widget-get_forecast');
    const stage = card.getByTestId('widget-stage-get_forecast');
    const frame = page.frameLocator('[data-testid="widget-preview-get_forecast"]');
    const log = card.getByTestId('widget-log-get_forecast');
    await expect(
      frame.getByText('Connected to MCP Doctor preview over MCP Apps (theme light)'),
    ).toBeVisible();
    await expect(log).toContainText('the View declares inline, fullscreen, pip');
    const light = await background(page, 'get_forecast');

    await stage
      .getByRole('group', { name: 'Widget theme' })
      .getByRole('button', { name: 'Dark', exact: true })
      .click();
    await expect(
      frame.getByText('Connected to MCP Doctor preview over MCP Apps (theme dark)'),
    ).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => background(page, 'get_forecast')).not.toBe(light);
    await expect(log.locator('[data-kind="protocol"]').last()).toContainText(
      'ui/notifications/host-context-changed: {"theme":"dark"}',
    );

    // ui/request-display-mode from the View: granted, and answered with the mode.
    await frame.getByRole('button', { name: 'Open fullscreen' }).click();
    const dialog = page.getByRole('dialog', { name: 'get_forecast widget, fullscreen' });
    await expect(dialog).toBeVisible();
    await expect(frame.getByText('Display mode: fullscreen (granted)')).toBeVisible();
    await expectCoversViewport(page, 'get_forecast');
    await expect(log.locator('[data-kind="host"]')).toContainText(
      'ui/request-display-mode(fullscreen): granted fullscreen',
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(frame.getByText('Display mode: inline')).toBeVisible();
  });
});

test.describe('dark dashboard', () => {
  test.use({ colorScheme: 'dark' });

  test('the preview starts in the dark theme, and the open dialog has no axe violations', async ({
    page,
  }) => {
    await openRun(page, 'widget-apps-sdk');
    const frame = page.frameLocator('[data-testid="widget-preview-show_greeting"]');
    await expect(frame.getByText('Rendered with window.openai (theme dark')).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    const stage = page.getByTestId('widget-stage-show_greeting');
    await expect(
      stage
        .getByRole('group', { name: 'Widget theme' })
        .getByRole('button', { name: 'Dark', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');

    await stage.getByRole('button', { name: 'Fullscreen', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectCoversViewport(page, 'show_greeting');
    await expectNoViolations(page);
    await page.keyboard.press('Escape');
    await stage.getByRole('button', { name: 'PiP', exact: true }).click();
    await expect(stage).toHaveAttribute('data-display-mode', 'pip');
    await expectNoViolations(page);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('on a 390 px phone PiP opens fullscreen, as in ChatGPT, and fullscreen fills the screen', async ({
    page,
  }) => {
    await openRun(page, 'widget-apps-sdk');
    const stage = page.getByTestId('widget-stage-show_greeting');
    const frame = page.frameLocator('[data-testid="widget-preview-show_greeting"]');
    const log = page.getByTestId('widget-log-show_greeting');
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );

    // PiP: shown as the fullscreen dialog, and the widget is told fullscreen.
    const pipSwitch = stage.getByRole('button', { name: 'PiP', exact: true });
    await expect(pipSwitch).toHaveAttribute('title', /fullscreen on a phone/);
    await pipSwitch.click();
    const dialog = page.getByRole('dialog', { name: 'show_greeting widget, fullscreen' });
    await expect(dialog).toBeVisible();
    await expect(stage).toHaveAttribute('data-display-mode', 'fullscreen');
    await expect(frame.getByText('Display mode: fullscreen')).toBeVisible();
    await expectCoversViewport(page, 'show_greeting');
    expect(await overflow(), 'horizontal overflow in px').toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(log.locator('[data-kind="host"]')).toContainText(
      'Display pip: shown fullscreen (pip is shown fullscreen on a phone-sized screen',
    );
    await expect(log).not.toContainText('openai:set_globals: theme light, pip');

    await stage.getByRole('button', { name: 'Fullscreen', exact: true }).click();
    await expect(dialog).toBeVisible();
    await expectCoversViewport(page, 'show_greeting');
    expect(await overflow(), 'horizontal overflow in px').toBeLessThanOrEqual(0);
  });
});
