import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { HEALTHY, ORIGIN, finishedRun } from './samples';

const MCP = `${ORIGIN}/mcp`;
/** What a loopback address cannot avoid: ChatGPT cannot reach it, and it is plain HTTP. */
const LOOPBACK_ONLY = new Set(['connection.public', 'connection.https']);
/**
 * Judged by the clock: a fresh `next start` loads the route on its first request, and a loaded CI
 * machine can take seconds. Timing targets live in `npm run bench`, never in tests.
 */
const TIMED = new Set(['connection.latency']);

interface ApiCheck {
  id: string;
  status: string;
  severity: string;
  message: string;
  skip: { cause: string } | null;
}

test('dogfood: the dashboard diagnoses its own /mcp, every check passes but the loopback ones, and its preview renders the report widget', async ({
  page,
}) => {
  // Two diagnoses in one test (the dashboard's of /mcp, then the one the preview asks /mcp for).
  test.setTimeout(120_000);
  // Next loads a route on its first request: let that happen before the clock is read.
  expect((await page.request.get('/mcp')).status()).toBe(405);
  const id = await finishedRun(page.request, MCP);
  const { report } = (await (await page.request.get(`/api/runs/${id}`)).json()) as {
    report: { checks: ApiCheck[]; healthy: boolean };
  };
  for (const check of report.checks) {
    if (check.status === 'pass' || check.skip?.cause === 'not-applicable') continue;
    if (TIMED.has(check.id)) continue;
    expect(LOOPBACK_ONLY.has(check.id), `${check.id}: ${check.message}`).toBe(true);
    expect(check.severity).toBe('warning');
  }
  expect(report.healthy).toBe(true);

  await page.goto(`/runs/${id}`);
  await expect(page.getByTestId('row-tools')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('row-widgets')).toHaveAttribute('data-status', 'pass');
  const card = page.getByTestId('widget-diagnose_endpoint');
  await expect(card.getByTestId('widget-uri')).toHaveText('ui://mcp-doctor/report.html');
  await expect(card.getByTestId('widget-mime')).toContainText('text/html;profile=mcp-app');
  await expect(card.getByText('Apps SDK', { exact: true })).toBeVisible();
  // (The preview's log names the bridge too.)
  await expect(card.getByText('MCP Apps', { exact: true }).first()).toBeVisible();

  const frame = page.frameLocator('[data-testid="widget-preview-diagnose_endpoint"]');
  await expect(frame.getByText('Waiting for a diagnosis…')).toBeVisible();
  await expect(card.getByTestId('widget-log-diagnose_endpoint')).toContainText(
    'ui/initialize: answered',
  );

  // "Call and render": the dashboard calls diagnose_endpoint on its own /mcp, which diagnoses a
  // sample, and the preview renders the result.
  await card.getByLabel('url').fill(HEALTHY);
  await card.getByRole('button', { name: 'Call and render' }).click();
  await expect(frame.getByRole('heading', { name: /^Healthy: 0 errors/ })).toBeVisible({
    timeout: 30_000,
  });
  for (const [row, title] of [
    ['connection', 'Connection fails'],
    ['tools', 'Tools not showing'],
    ['widgets', 'Widget not rendering'],
    ['auth', 'Auth errors'],
  ] as const) {
    await expect(frame.locator(`[data-row="${row}"]`)).toContainText(title);
  }
  await expect(frame.locator('[data-row="tools"]')).toHaveAttribute('data-status', 'pass');
  await expect(frame.getByRole('link', { name: 'Open the full report' })).toHaveAttribute(
    'href',
    new RegExp(`^${ORIGIN}/runs/[A-Za-z0-9_-]{22}$`),
  );
  // Nothing thrown, nothing the preview's CSP had to block, no asset that failed to load.
  const log = card.getByTestId('widget-log-diagnose_endpoint');
  await expect(log).toContainText('no errors');
  await expect(
    log.locator('[data-kind="error"], [data-kind="csp"], [data-kind="asset"]'),
  ).toHaveCount(0);
});

/** The widget's HTML and a real diagnosis, both from /mcp, as a host would get them. */
async function fromMcp(): Promise<{ html: string; diagnosis: unknown }> {
  const client = new Client({ name: 'e2e-host', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(MCP)));
  try {
    const read = await client.readResource({ uri: 'ui://mcp-doctor/report.html' });
    const content = read.contents[0];
    if (!content || !('text' in content)) throw new Error('the widget has no text content');
    const called = await client.callTool({
      name: 'diagnose_endpoint',
      arguments: { url: `${ORIGIN}/samples/invalid-tools/mcp` },
    });
    return { html: content.text, diagnosis: called.structuredContent };
  } finally {
    await client.close();
  }
}

/**
 * A host page: the widget in an iframe, answered over MCP Apps' postMessage bridge with the given
 * theme, then given the tool result. Optionally with a window.openai set before the widget runs,
 * as ChatGPT does.
 */
async function host(
  page: Page,
  html: string,
  options: { theme?: 'light' | 'dark'; diagnosis?: unknown; openai?: Record<string, unknown> },
): Promise<FrameLocator> {
  const prelude = options.openai
    ? `<script>window.openai = ${JSON.stringify(options.openai).replace(/</g, '\\u003c')};</script>`
    : '';
  await page.setContent('<iframe id="widget" style="width: 640px; height: 900px"></iframe>');
  await page.evaluate(
    ({ srcdoc, theme, diagnosis }) => {
      const frame = document.getElementById('widget') as HTMLIFrameElement;
      window.addEventListener('message', (event) => {
        const message = event.data as { id?: number; method?: string };
        const post = (reply: unknown) => frame.contentWindow?.postMessage(reply, '*');
        if (message.method === 'ui/initialize' && theme) {
          post({
            jsonrpc: '2.0',
            id: message.id,
            result: {
              protocolVersion: '2026-01-26',
              hostInfo: { name: 'e2e host', version: '1' },
              hostCapabilities: {},
              hostContext: { theme, displayMode: 'inline' },
            },
          });
        } else if (message.method === 'ui/notifications/initialized' && diagnosis) {
          post({
            jsonrpc: '2.0',
            method: 'ui/notifications/tool-input',
            params: { arguments: {} },
          });
          post({
            jsonrpc: '2.0',
            method: 'ui/notifications/tool-result',
            params: { content: [], structuredContent: diagnosis },
          });
        }
      });
      frame.srcdoc = srcdoc;
    },
    {
      srcdoc: html.replace('<head>', `<head>${prelude}`),
      theme: options.theme ?? null,
      diagnosis: options.diagnosis ?? null,
    },
  );
  return page.frameLocator('#widget');
}

const background = (frame: FrameLocator) =>
  frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);

test('the report widget renders rows and fixes over MCP Apps, in the host’s light or dark theme', async ({
  page,
}) => {
  const { html, diagnosis } = await fromMcp();

  const dark = await host(page, html, { theme: 'dark', diagnosis });
  await expect(dark.getByRole('heading', { name: /^Not healthy: / })).toBeVisible();
  await expect(dark.locator('[data-row="tools"]')).toHaveAttribute('data-status', 'fail');
  await expect(dark.locator('[data-check="tools.input-schema"]')).toContainText('Fix: ');
  expect(await background(dark)).toBe('rgb(22, 25, 31)');

  const light = await host(page, html, { theme: 'light', diagnosis });
  await expect(light.getByRole('heading', { name: /^Not healthy: / })).toBeVisible();
  expect(await background(light)).toBe('rgb(255, 255, 255)');
});

test('the report widget renders from window.openai in ChatGPT’s theme, and follows the system theme without a host', async ({
  page,
}) => {
  const { html, diagnosis } = await fromMcp();
  const chatgpt = await host(page, html, {
    openai: { theme: 'dark', toolOutput: diagnosis, toolInput: {} },
  });
  await expect(chatgpt.getByRole('heading', { name: /^Not healthy: / })).toBeVisible();
  expect(await background(chatgpt)).toBe('rgb(22, 25, 31)');

  await page.emulateMedia({ colorScheme: 'dark' });
  const alone = await host(page, html, {});
  await expect(alone.getByText('Waiting for a diagnosis…')).toBeVisible();
  expect(await background(alone)).toBe('rgb(22, 25, 31)');
});
