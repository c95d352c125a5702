/** Sample endpoints served by the app under test (lib/samples/catalog.ts), as CI would name them. */
const ORIGIN = 'http://localhost:3100';
export const HEALTHY = `${ORIGIN}/samples/healthy/mcp`;
export const HTML_PAGE = `${ORIGIN}/samples/html-page/mcp`;
export const SLOW = `${ORIGIN}/samples/slow/mcp`;
