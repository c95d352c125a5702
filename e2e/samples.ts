/** Sample endpoints served by the app under test (lib/samples/catalog.ts), as CI would name them. */
// The app under test, on the port playwright.config.ts chose.
const ORIGIN = process.env.MCP_DOCTOR_E2E_ORIGIN ?? '';
export const HEALTHY = `${ORIGIN}/samples/healthy/mcp`;
export const HTML_PAGE = `${ORIGIN}/samples/html-page/mcp`;
export const SLOW = `${ORIGIN}/samples/slow/mcp`;
export const POISONED_TOOLS = `${ORIGIN}/samples/poisoned-tools/mcp`;
export const WIDGET_CSP_GAPS = `${ORIGIN}/samples/widget-csp-gaps/mcp`;
