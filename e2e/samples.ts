import { expect, type APIRequestContext } from '@playwright/test';

/** The app under test, on the port playwright.config.ts chose. */
export const ORIGIN = process.env.MCP_DOCTOR_E2E_ORIGIN ?? '';
/** Sample endpoints served by the app under test (lib/samples/catalog.ts), as CI would name them. */
export const HEALTHY = `${ORIGIN}/samples/healthy/mcp`;
export const HTML_PAGE = `${ORIGIN}/samples/html-page/mcp`;
export const SLOW = `${ORIGIN}/samples/slow/mcp`;
export const POISONED_TOOLS = `${ORIGIN}/samples/poisoned-tools/mcp`;
export const WIDGET_CSP_GAPS = `${ORIGIN}/samples/widget-csp-gaps/mcp`;

/**
 * Starts a run of `url` through the API, as CI would, and waits until it has ended; answers its
 * id. The run must end `done` unless `anyEnd`, which also takes a run that failed or was
 * interrupted.
 */
export async function finishedRun(
  request: APIRequestContext,
  url: string,
  { anyEnd = false, timeout = 30_000 } = {},
): Promise<string> {
  const started = await request.post('/api/runs', { data: { url } });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  const state = async () =>
    ((await (await request.get(`/api/runs/${id}`)).json()) as { state: string }).state;
  await expect.poll(state, { timeout }).not.toBe('running');
  if (!anyEnd) expect(await state()).toBe('done');
  return id;
}

/** A finished run of the built-in sample `slug`. */
export const finishedSampleRun = (request: APIRequestContext, slug: string) =>
  finishedRun(request, `${ORIGIN}/samples/${slug}/mcp`);
