import { expect, type APIRequestContext } from '@playwright/test';

/** Sample endpoints served by the app under test (lib/samples/catalog.ts), as CI would name them. */
// The app under test, on the port playwright.config.ts chose.
const ORIGIN = process.env.MCP_DOCTOR_E2E_ORIGIN ?? '';
export const HEALTHY = `${ORIGIN}/samples/healthy/mcp`;
export const HTML_PAGE = `${ORIGIN}/samples/html-page/mcp`;
export const SLOW = `${ORIGIN}/samples/slow/mcp`;
export const POISONED_TOOLS = `${ORIGIN}/samples/poisoned-tools/mcp`;
export const WIDGET_CSP_GAPS = `${ORIGIN}/samples/widget-csp-gaps/mcp`;

/** Starts a run of a sample through the API and waits for it to finish; answers the run's id. */
export async function finishedSampleRun(request: APIRequestContext, slug: string): Promise<string> {
  const started = await request.post('/api/runs', {
    data: { url: `${ORIGIN}/samples/${slug}/mcp` },
  });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/runs/${id}`)).json()) as { state: string }).state,
      { timeout: 30_000 },
    )
    .toBe('done');
  return id;
}
