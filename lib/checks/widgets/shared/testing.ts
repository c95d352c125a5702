import type { Transcript } from '@/lib/report/schema';
import type { TemplateRead, Widget, WidgetAsset, WidgetsProbe } from '@/lib/report/schema-widgets';
import { exchange, tool, transcript } from '../../testing';

/**
 * Builders of widget transcripts for the widget checks' tests: a healthy MCP Apps widget (both keys,
 * one template, served as text/html;profile=mcp-app, one public CDN script that answered) that each
 * test changes in one place. Exchanges: x3 tools/list, x4 resources/list, x5 templates/list,
 * x6 resources/read, x7 the asset's HEAD.
 */
export const URI = 'ui://widget/board.html';
export const HTML =
  '<!doctype html><html><head><script src="https://cdn.example.com/board.js"></script></head><body><div id="root"></div></body></html>';

export function asset(overrides: Partial<WidgetAsset> = {}): WidgetAsset {
  return {
    ref: 'https://cdn.example.com/board.js',
    url: 'https://cdn.example.com/board.js',
    kind: 'script',
    where: '<script src>',
    host: 'cdn.example.com',
    scope: 'public',
    addresses: ['93.184.216.34'],
    fetch: {
      method: 'HEAD',
      status: 200,
      contentType: 'text/javascript',
      location: null,
      exchangeIds: ['x7'],
      error: null,
    },
    skipped: null,
    ...overrides,
  };
}

export function widget(overrides: Partial<Widget> = {}): Widget {
  return {
    tool: 'show_board',
    readOnlyHint: true,
    declarations: [
      { key: 'ui.resourceUri', standard: 'mcp-apps', uri: URI, valueType: 'string' },
      { key: 'openai/outputTemplate', standard: 'apps-sdk', uri: URI, valueType: 'string' },
    ],
    standards: ['apps-sdk', 'mcp-apps'],
    uri: URI,
    mimeType: 'text/html;profile=mcp-app',
    size: HTML.length,
    csp: [
      {
        standard: 'mcp-apps',
        key: 'ui.csp',
        source: 'content',
        connectDomains: ['https://api.example.com'],
        resourceDomains: ['https://cdn.example.com'],
        frameDomains: [],
        baseUriDomains: [],
        redirectDomains: [],
        invalid: [],
      },
    ],
    domain: [
      {
        standard: 'mcp-apps',
        key: 'ui.domain',
        source: 'content',
        value: 'board-example-com.oaiusercontent.com',
      },
    ],
    assets: [asset()],
    ...overrides,
  };
}

export function read(overrides: Partial<TemplateRead> = {}): TemplateRead {
  return {
    uri: URI,
    exchangeId: 'x6',
    durationMs: 5,
    error: null,
    contentCount: 1,
    content: {
      uri: URI,
      mimeType: 'text/html;profile=mcp-app',
      encoding: 'text',
      bytes: HTML.length,
      html: HTML,
      truncated: false,
      decodeError: null,
      meta: {
        ui: {
          csp: { resourceDomains: ['https://cdn.example.com'] },
          domain: 'board-example-com.oaiusercontent.com',
        },
      },
    },
    listEntry: {
      method: 'resources/list',
      uri: URI,
      mimeType: 'text/html;profile=mcp-app',
      meta: null,
    },
    ...overrides,
  };
}

/** The healthy widget run, with the probe's widget record changed as given. */
export function widgetRun(
  probe: Partial<WidgetsProbe> = {},
  overrides: Partial<Transcript> = {},
): Transcript {
  const widgets: WidgetsProbe = {
    resources: {
      method: 'resources/list',
      items: [{ uri: URI, name: 'board', mimeType: 'text/html;profile=mcp-app' }],
      pages: 1,
      exchangeIds: ['x4'],
      error: null,
      stoppedEarly: null,
    },
    resourceTemplates: {
      method: 'resources/templates/list',
      items: [],
      pages: 1,
      exchangeIds: ['x5'],
      error: null,
      stoppedEarly: null,
    },
    templates: [read()],
    widgets: [widget()],
    stoppedEarly: null,
    calls: [],
    ...probe,
  };
  const base = transcript();
  return transcript({
    tools: [
      tool({
        name: 'show_board',
        _meta: { ui: { resourceUri: URI }, 'openai/outputTemplate': URI },
      }),
    ],
    widgets,
    exchanges: [
      ...base.exchanges,
      exchange({ id: 'x4', step: 'resources', rpc: { method: 'resources/list', id: 2 } }),
      exchange({ id: 'x5', step: 'resources', rpc: { method: 'resources/templates/list', id: 3 } }),
      exchange({ id: 'x6', step: 'resources', rpc: { method: 'resources/read', id: 4 } }),
      exchange({
        id: 'x7',
        step: 'resources',
        request: {
          method: 'HEAD',
          url: 'https://cdn.example.com/board.js',
          headers: [],
          body: null,
        },
      }),
    ],
    ...overrides,
  });
}

/** A run whose tools declare no widget (the Widget row is skipped). */
export const noWidgetRun = (): Transcript =>
  transcript({
    widgets: {
      resources: null,
      resourceTemplates: null,
      templates: [],
      widgets: [],
      stoppedEarly: null,
      calls: [],
    },
  });
