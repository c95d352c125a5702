import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Sample } from './types';
import { FORECAST_WIDGET } from './widgets/forecast-widget';

const MCP_APP = 'text/html;profile=mcp-app';
const WIDGET_URI = 'ui://widget/forecast-2026.html';

const DAYS = [
  { day: 'Mon', summary: 'Sunny', high: 24, low: 15 },
  { day: 'Tue', summary: 'Cloudy', high: 21, low: 14 },
  { day: 'Wed', summary: 'Showers', high: 19, low: 13 },
];

/**
 * One server definition for both era samples, on the official TypeScript SDK v2 — the line that
 * speaks MCP 2026-07-28: two tools and an MCP Apps widget. `createMcpHandler` builds each request's
 * server from it, in whichever era the request is in.
 */
function forecastServer(name: string): McpServer {
  const server = new McpServer({ name, version: '2.0.0' });
  const meta = {
    ui: { csp: { connectDomains: [], resourceDomains: [] }, domain: 'forecast-2026.example.com' },
  };
  server.registerResource(
    'forecast-widget',
    WIDGET_URI,
    { title: 'Forecast widget', mimeType: MCP_APP, _meta: meta },
    async () => ({
      contents: [{ uri: WIDGET_URI, mimeType: MCP_APP, text: FORECAST_WIDGET, _meta: meta }],
    }),
  );
  server.registerTool(
    'get_forecast',
    {
      title: 'Get forecast',
      description:
        'Returns a three-day weather forecast for a city and renders it as an interactive card.',
      inputSchema: z.object({ city: z.string().describe('City name, e.g. Lisbon') }),
      outputSchema: z.object({
        city: z.string(),
        days: z.array(
          z.object({ day: z.string(), summary: z.string(), high: z.number(), low: z.number() }),
        ),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false },
      _meta: { ui: { resourceUri: WIDGET_URI } },
    },
    async ({ city }) => ({
      content: [
        {
          type: 'text' as const,
          text: `${city}: ${DAYS.map((d) => `${d.day} ${d.summary}`).join(', ')}`,
        },
      ],
      structuredContent: { city, days: DAYS },
    }),
  );
  server.registerTool(
    'list_cities',
    {
      title: 'List cities',
      description: 'Lists the cities this sample server has forecasts for, in alphabetical order.',
      inputSchema: z.object({}),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => ({ content: [{ type: 'text' as const, text: 'Lisbon, Oslo, Porto' }] }),
  );
  return server;
}

const modernOnly = createMcpHandler(() => forecastServer('sample-modern-only'), {
  legacy: 'reject',
});
const dualEra = createMcpHandler(() => forecastServer('sample-dual-era'));

/** Samples for the two protocol eras (MCP 2026-07-28 and the 2025 handshake). */
export const ERA_SAMPLES: Sample[] = [
  {
    slug: 'modern-only',
    title: '2026-07-28 only',
    demonstrates:
      'A server on the TypeScript SDK v2 that speaks only MCP 2026-07-28: every row is checked through server/discover, and the Connection row says which clients cannot use it.',
    expected: { connection: 'fail', tools: 'pass', widgets: 'pass', auth: 'skipped' },
    handle: (request) => modernOnly.fetch(request),
  },
  {
    slug: 'dual-era',
    title: 'Both protocol eras',
    demonstrates:
      'A dual-era server on the TypeScript SDK v2: the 2025 handshake and 2026-07-28 on one endpoint, both legs checked and compared.',
    expected: { connection: 'pass', tools: 'pass', widgets: 'pass', auth: 'skipped' },
    handle: (request) => dualEra.fetch(request),
  },
];
