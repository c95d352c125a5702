import { isRecord } from '@/lib/json/is-record';
import type { Report } from '@/lib/report/schema';
import type { Widget, WidgetCall } from '@/lib/report/schema-widgets';
import type { RunRegistry } from '@/lib/runs/registry';
import { effectiveCsp, previewPolicy } from './csp';
import { DEFAULT_VIEW, displayGlobals, type PreviewView } from './preview-display';
import { previewDocument } from './preview-document';
import { decodePreviewToken, previewNonce } from './preview-token';

/**
 * What ChatGPT gives an Apps SDK widget in `window.openai` (Apps SDK reference), for this call or
 * none, shown in this theme and display mode.
 */
export function appsSdkGlobals(
  call: WidgetCall | null,
  view: PreviewView = DEFAULT_VIEW,
): Record<string, unknown> {
  const result = isRecord(call?.result) ? call.result : null;
  return {
    toolInput: call?.arguments ?? {},
    toolOutput: result && isRecord(result.structuredContent) ? result.structuredContent : null,
    toolResponseMetadata: result && isRecord(result._meta) ? result._meta : null,
    widgetState: null,
    locale: 'en-US',
    safeArea: { insets: { top: 0, right: 0, bottom: 0, left: 0 } },
    userAgent: { device: { type: 'desktop' }, capabilities: { hover: true, touch: false } },
    // theme, displayMode, maxHeight and view: what the preview's switches change later.
    ...displayGlobals(view),
  };
}

// The document is the widget's, not the dashboard's: it gets its own, much stricter headers.
const BASE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function refusal(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: {
      ...BASE_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'content-security-policy': "default-src 'none'; frame-ancestors 'self'; sandbox",
    },
  });
}

interface Found {
  report: Report;
  widget: Widget;
  html: string;
  call: WidgetCall | null;
}

function find(registry: RunRegistry, token: string): Found | string {
  const target = decodePreviewToken(token);
  if (!target) return 'This is not a widget preview link.';
  const report = registry.get(target.run)?.report;
  if (!report) return 'The run is no longer kept (see the retention settings).';
  const widget = report.widgets?.widgets.find((w) => w.tool === target.tool);
  if (!widget) return 'No widget for this tool in the run.';
  const html = report.widgets?.templates.find((r) => r.uri === widget.uri)?.content?.html;
  if (!html) return 'The widget template could not be read, so there is nothing to preview.';
  // New calls are at report.calls; reports saved before it existed keep them at widgets.calls.
  const calls = [...(report.widgets?.calls ?? []), ...(report.calls ?? [])];
  const call = target.call ? (calls.find((c) => c.id === target.call) ?? null) : null;
  if (target.call && !call) return 'No such call in the run.';
  return { report, widget, html, call };
}

/**
 * The preview document of one widget: its HTML with the bridge injected, served with a
 * Content-Security-Policy built from the widget's declared domains (SEP-1865's construction) and
 * `sandbox allow-scripts`, so it runs on an opaque origin whether it is framed by the dashboard
 * (`sandbox="allow-scripts"` there too) or opened on its own. Only the dashboard may frame it.
 * `view` is the theme and display mode the Apps SDK globals start with.
 */
export function previewResponse(
  registry: RunRegistry,
  token: string,
  view: PreviewView = DEFAULT_VIEW,
): Response {
  const found = find(registry, token);
  if (typeof found === 'string') return refusal(404, found);
  const { widget, html, call } = found;
  const policy = previewPolicy(effectiveCsp(widget.csp, widget.standards), "'self'");
  const document = previewDocument(html, {
    nonce: previewNonce(token),
    appsSdk: widget.standards.includes('apps-sdk'),
    globals: appsSdkGlobals(call, view),
  });
  return new Response(document, {
    status: 200,
    headers: { ...BASE_HEADERS, 'content-security-policy': policy.header },
  });
}
