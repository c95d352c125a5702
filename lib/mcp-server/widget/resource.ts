import type { McpServer } from '@modelcontextprotocol/server';
import { MCP_APPS_MIME } from '@/lib/widgets/meta';
import { REPORT_WIDGET_HTML } from './report-widget';

export const REPORT_WIDGET_URI = 'ui://mcp-doctor/report.html';

/**
 * The template's `_meta`, in both standards' words: MCP Apps `ui.csp` / `ui.domain` (SEP-1865
 * `UIResourceMeta`) and the Apps SDK's `openai/widgetCSP` / `openai/widgetDomain`
 * (https://developers.openai.com/apps-sdk/reference). The widget loads nothing and connects
 * nowhere, so every domain list is empty; the domain is the dashboard's origin when there is one.
 */
export function reportWidgetMeta(domain: string | null): Record<string, unknown> {
  return {
    ui: {
      csp: { connectDomains: [], resourceDomains: [] },
      ...(domain ? { domain } : {}),
      prefersBorder: true,
    },
    'openai/widgetCSP': { connect_domains: [], resource_domains: [] },
    ...(domain ? { 'openai/widgetDomain': domain } : {}),
    'openai/widgetDescription':
      'The MCP Doctor report: the four rows of ChatGPT’s connection-issues table, the per-client verdicts and what to fix.',
  };
}

/**
 * One template for both standards. It is served as `text/html;profile=mcp-app`, which MCP Apps
 * hosts require for `ui.resourceUri` and which ChatGPT renders too ("ChatGPT implements the MCP
 * Apps standard", Apps SDK reference), and `openai/outputTemplate` names the same URI: a tool whose
 * two keys name different templates renders nothing in ChatGPT (widgets.declarations-agree).
 */
export function registerReportWidget(server: McpServer, domain: string | null): void {
  const meta = reportWidgetMeta(domain);
  server.registerResource(
    'report-widget',
    REPORT_WIDGET_URI,
    {
      title: 'MCP Doctor report widget',
      description: 'Renders a diagnose_endpoint result in the conversation.',
      mimeType: MCP_APPS_MIME,
      _meta: meta,
    },
    async () => ({
      contents: [
        { uri: REPORT_WIDGET_URI, mimeType: MCP_APPS_MIME, text: REPORT_WIDGET_HTML, _meta: meta },
      ],
    }),
  );
}
