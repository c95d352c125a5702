import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { handleMcpRequest } from './handler';
import type { Sample } from './types';
import {
  HOSTILE_WIDGET,
  LOCALHOST_ASSETS_WIDGET,
  PLAIN_HTML_WIDGET,
  THROWING_WIDGET,
  boardWidget,
} from './widgets/broken-widgets';
import { FORECAST_WIDGET } from './widgets/forecast-widget';
import { GREETING_WIDGET } from './widgets/greeting-widget';

const SKYBRIDGE = 'text/html+skybridge';
const MCP_APP = 'text/html;profile=mcp-app';

interface TemplateSpec {
  uri: string;
  mimeType: string;
  html: string;
  meta?: Record<string, unknown>;
}

/** A resource the host reads with `resources/read`; `_meta` goes on the content, where SEP-1865 says hosts read it. */
function registerTemplate(server: McpServer, name: string, spec: TemplateSpec): void {
  server.registerResource(
    name,
    spec.uri,
    { title: name, mimeType: spec.mimeType, ...(spec.meta ? { _meta: spec.meta } : {}) },
    async () => ({
      contents: [
        {
          uri: spec.uri,
          mimeType: spec.mimeType,
          text: spec.html,
          ...(spec.meta ? { _meta: spec.meta } : {}),
        },
      ],
    }),
  );
}

const appsSdkMeta = (domain: string, resourceDomains: string[] = []) => ({
  'openai/widgetCSP': { connect_domains: [], resource_domains: resourceDomains },
  'openai/widgetDomain': domain,
});

function greetingServer(): McpServer {
  const server = new McpServer({ name: 'sample-widget-apps-sdk', version: '1.0.0' });
  const uri = 'ui://widget/greeting.html';
  registerTemplate(server, 'greeting-widget', {
    uri,
    mimeType: SKYBRIDGE,
    html: GREETING_WIDGET,
    meta: appsSdkMeta('https://greeting.example.com'),
  });
  server.registerTool(
    'show_greeting',
    {
      title: 'Show greeting',
      description:
        'Greets a person by name and shows the greeting in a card widget inside the conversation.',
      inputSchema: { name: z.string().describe('Who to greet') },
      outputSchema: { greeting: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
      _meta: {
        'openai/outputTemplate': uri,
        'openai/toolInvocation/invoking': 'Writing a greeting…',
        'openai/toolInvocation/invoked': 'Greeting ready',
      },
    },
    async ({ name }) => {
      const greeting = `Hello, ${name}!`;
      return { content: [{ type: 'text', text: greeting }], structuredContent: { greeting } };
    },
  );
  return server;
}

function forecastServer(): McpServer {
  const server = new McpServer({ name: 'sample-widget-mcp-apps', version: '1.0.0' });
  const uri = 'ui://widget/forecast.html';
  registerTemplate(server, 'forecast-widget', {
    uri,
    mimeType: MCP_APP,
    html: FORECAST_WIDGET,
    meta: {
      ui: {
        csp: { connectDomains: [], resourceDomains: [] },
        domain: 'forecast-example-com.oaiusercontent.com',
        prefersBorder: true,
      },
    },
  });
  server.registerTool(
    'get_forecast',
    {
      title: 'Get forecast',
      description:
        'Returns a three-day weather forecast for a city and renders it as an interactive card.',
      inputSchema: { city: z.string().describe('City name, e.g. Lisbon') },
      outputSchema: {
        city: z.string(),
        days: z.array(
          z.object({ day: z.string(), summary: z.string(), high: z.number(), low: z.number() }),
        ),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
      // OpenAI's newest examples set both keys to one template served as an MCP App.
      _meta: { ui: { resourceUri: uri }, 'openai/outputTemplate': uri },
    },
    async ({ city }) => {
      const days = [
        { day: 'Mon', summary: 'Sunny', high: 24, low: 15 },
        { day: 'Tue', summary: 'Cloudy', high: 21, low: 14 },
        { day: 'Wed', summary: 'Showers', high: 19, low: 13 },
      ];
      return {
        content: [
          { type: 'text', text: `${city}: ${days.map((d) => `${d.day} ${d.summary}`).join(', ')}` },
        ],
        structuredContent: { city, days },
      };
    },
  );
  return server;
}

/** One read-only tool with this `_meta`, and these templates (which need not be the ones it names). */
function singleWidgetServer(
  name: string,
  toolMeta: Record<string, unknown>,
  templates: TemplateSpec[],
): () => McpServer {
  return () => {
    const server = new McpServer({ name, version: '1.0.0' });
    templates.forEach((spec, i) => registerTemplate(server, `template-${i + 1}`, spec));
    server.registerTool(
      'show_dashboard',
      {
        title: 'Show dashboard',
        description:
          'Shows the account dashboard (orders, invoices and tasks) as a widget in the conversation.',
        inputSchema: {},
        annotations: { readOnlyHint: true, openWorldHint: false },
        _meta: toolMeta,
      },
      async () => ({
        content: [{ type: 'text', text: 'Dashboard ready.' }],
        structuredContent: { orders: [] },
      }),
    );
    return server;
  };
}

const serve = (build: () => McpServer) => (request: Request) => handleMcpRequest(request, build);

/** Samples for the Widget row. */
export const WIDGET_SAMPLES: Sample[] = [
  {
    slug: 'widget-apps-sdk',
    title: 'Apps SDK widget',
    demonstrates:
      'A healthy Apps SDK widget (text/html+skybridge) that renders window.openai.toolOutput; try "Call and render".',
    expected: { connection: 'pass', tools: 'pass', widgets: 'pass' },
    handle: serve(greetingServer),
  },
  {
    slug: 'widget-mcp-apps',
    title: 'MCP Apps widget',
    demonstrates:
      'A healthy MCP Apps widget (text/html;profile=mcp-app) declared with both keys, talking to its host over ui/initialize.',
    expected: { connection: 'pass', tools: 'pass', widgets: 'pass' },
    handle: serve(forecastServer),
  },
  {
    slug: 'widget-plain-html',
    title: 'Widget served as text/html',
    demonstrates: 'The template is served as plain text/html, so ChatGPT does not render it.',
    expected: { widgets: 'fail' },
    handle: serve(
      singleWidgetServer(
        'sample-widget-plain-html',
        { 'openai/outputTemplate': 'ui://widget/orders.html' },
        [
          {
            uri: 'ui://widget/orders.html',
            mimeType: 'text/html',
            html: PLAIN_HTML_WIDGET,
            meta: appsSdkMeta('https://orders.example.com'),
          },
        ],
      ),
    ),
  },
  {
    slug: 'widget-missing-template',
    title: 'Widget template missing',
    demonstrates:
      'The tool points at ui://widget/dashboard.html, but the server only serves ui://widget/dashboard-v2.html.',
    expected: { widgets: 'fail' },
    handle: serve(
      singleWidgetServer(
        'sample-widget-missing-template',
        {
          ui: { resourceUri: 'ui://widget/dashboard.html' },
          'openai/outputTemplate': 'ui://widget/dashboard.html',
        },
        [
          {
            uri: 'ui://widget/dashboard-v2.html',
            mimeType: MCP_APP,
            html: boardWidget('v2'),
            meta: { ui: { csp: {}, domain: 'dashboard-example-com.oaiusercontent.com' } },
          },
        ],
      ),
    ),
  },
  {
    slug: 'widget-mismatched-uris',
    title: 'Widget declarations disagree',
    demonstrates:
      'openai/outputTemplate and ui.resourceUri point at two different templates; ChatGPT drops the widget.',
    expected: { widgets: 'fail' },
    handle: serve(
      singleWidgetServer(
        'sample-widget-mismatched-uris',
        {
          'openai/outputTemplate': 'ui://widget/board-v1.html',
          ui: { resourceUri: 'ui://widget/board-v2.html' },
        },
        [
          {
            uri: 'ui://widget/board-v1.html',
            mimeType: SKYBRIDGE,
            html: boardWidget('v1'),
            meta: appsSdkMeta('https://board.example.com'),
          },
          {
            uri: 'ui://widget/board-v2.html',
            mimeType: MCP_APP,
            html: boardWidget('v2'),
            meta: { ui: { csp: {}, domain: 'board-example-com.oaiusercontent.com' } },
          },
        ],
      ),
    ),
  },
  {
    slug: 'widget-localhost-assets',
    title: 'Widget assets on localhost',
    demonstrates:
      'The template loads its script and stylesheet from a local dev server that ChatGPT cannot reach.',
    expected: { widgets: 'fail' },
    handle: serve(
      singleWidgetServer(
        'sample-widget-localhost-assets',
        { 'openai/outputTemplate': 'ui://widget/dashboard.html' },
        [
          {
            uri: 'ui://widget/dashboard.html',
            mimeType: SKYBRIDGE,
            html: LOCALHOST_ASSETS_WIDGET,
            meta: appsSdkMeta('https://dashboard.example.com', ['http://localhost:5173']),
          },
        ],
      ),
    ),
  },
  {
    slug: 'widget-runtime-error',
    title: 'Widget script throws',
    demonstrates:
      'Every check passes, but the widget’s own script throws before any tool output exists: the preview shows the error.',
    expected: { widgets: 'pass' },
    handle: serve(
      singleWidgetServer(
        'sample-widget-runtime-error',
        { 'openai/outputTemplate': 'ui://widget/invoice.html' },
        [
          {
            uri: 'ui://widget/invoice.html',
            mimeType: SKYBRIDGE,
            html: THROWING_WIDGET,
            meta: appsSdkMeta('https://invoice.example.com'),
          },
        ],
      ),
    ),
  },
  {
    slug: 'widget-hostile',
    title: 'Hostile widget',
    demonstrates:
      'A widget that tries to escape its sandbox (parent DOM, cookies, top navigation, forged messages, a fetch to an undeclared origin); the preview contains it and widgets.csp-coverage names the fetch.',
    expected: { widgets: 'warn' },
    handle: serve(
      singleWidgetServer(
        'sample-widget-hostile',
        { 'openai/outputTemplate': 'ui://widget/hostile.html' },
        [
          {
            uri: 'ui://widget/hostile.html',
            mimeType: SKYBRIDGE,
            html: HOSTILE_WIDGET,
            meta: appsSdkMeta('https://hostile.example.com'),
          },
        ],
      ),
    ),
  },
];
