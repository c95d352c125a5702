import type { Body, CheckResult, Exchange, Report } from '@/lib/report/schema';

/**
 * What a run page shows of a report, bounded whatever the server listed: a 5,000-tool run made a
 * 59 MB page (every schema inlined twice, in the HTML and in React's payload) that took the server
 * seconds of CPU and hundreds of MB to render, three at once stalling every other page. The page
 * shows a window of the tools, the first offenders of each check, and each body's start; the whole
 * report stays one click away in the JSON export and the HAR.
 */
export const TOOLS_PER_PAGE = 100;
export const ITEMS_PER_CHECK = 50;
export const WIDGETS_SHOWN = 50;
/** Characters of a body the raw log shows; the HAR and the export have it whole. */
export const BODY_CHARS_SHOWN = 32 * 1024;
export const EVENTS_SHOWN = 100;

export interface ToolsWindow {
  /** 1-based. */
  page: number;
  pages: number;
  /** The tools shown: `report.tools.slice(from, to)`. */
  from: number;
  to: number;
  total: number;
}

export interface PageView {
  /** The report with its long lists cut for display; its tools are all there (for widgets). */
  report: Report;
  /** The tools of the page asked for, and where they sit in the whole list. */
  tools: unknown[];
  window: ToolsWindow;
}

export function toolsWindow(total: number, asked: number): ToolsWindow {
  const pages = Math.max(1, Math.ceil(total / TOOLS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(asked) || 1), pages);
  const from = (page - 1) * TOOLS_PER_PAGE;
  return { page, pages, from, to: Math.min(total, from + TOOLS_PER_PAGE), total };
}

const more = (n: number, what: string) =>
  `and ${n.toLocaleString('en-US')} more ${what}, in the JSON export (Download report JSON)`;

function boundedChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks.map((check) =>
    check.items.length <= ITEMS_PER_CHECK
      ? check
      : {
          ...check,
          items: [
            ...check.items.slice(0, ITEMS_PER_CHECK),
            { subject: '…', detail: more(check.items.length - ITEMS_PER_CHECK, 'items') },
          ],
        },
  );
}

function boundedBody(body: Body | null): Body | null {
  if (!body) return body;
  const longText = body.text.length > BODY_CHARS_SHOWN;
  const manyEvents = (body.events?.length ?? 0) > EVENTS_SHOWN;
  if (!longText && !manyEvents) return body;
  return {
    ...body,
    text: longText ? body.text.slice(0, BODY_CHARS_SHOWN) : body.text,
    truncated: true,
    ...(body.events
      ? {
          events: body.events
            .slice(0, EVENTS_SHOWN)
            .map((e) => ({ ...e, data: e.data.slice(0, BODY_CHARS_SHOWN) })),
        }
      : {}),
  };
}

function boundedExchange(exchange: Exchange): Exchange {
  return {
    ...exchange,
    request: { ...exchange.request, body: boundedBody(exchange.request.body) },
    response: exchange.response
      ? { ...exchange.response, body: boundedBody(exchange.response.body) }
      : null,
  };
}

/** The run page's view of a report, for the tools page asked for (1-based; clamped). */
export function pageView(report: Report, toolsPage: number): PageView {
  const window = toolsWindow(report.tools.length, toolsPage);
  const widgets = report.widgets;
  return {
    report: {
      ...report,
      checks: boundedChecks(report.checks),
      exchanges: report.exchanges.map(boundedExchange),
      ...(widgets
        ? { widgets: { ...widgets, widgets: widgets.widgets.slice(0, WIDGETS_SHOWN) } }
        : {}),
    },
    tools: report.tools.slice(window.from, window.to),
    window,
  };
}
