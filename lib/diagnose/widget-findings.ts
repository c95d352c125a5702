import type { CheckResult } from '@/lib/report/schema';
import type { WidgetsProbe } from '@/lib/report/schema-widgets';

/**
 * The widget checks' findings copied onto the widgets they are about, so an API user reads each
 * widget's problems beside it. Widget check items name a tool or a template URI as their subject.
 */
export function withWidgetFindings(
  probe: WidgetsProbe | null,
  checks: readonly CheckResult[],
): WidgetsProbe | null {
  if (!probe) return probe;
  const failing = checks.filter(
    (c) => c.area === 'widgets' && (c.status === 'fail' || c.status === 'error'),
  );
  return {
    ...probe,
    widgets: probe.widgets.map((widget) => ({
      ...widget,
      findings: failing.flatMap((check) =>
        check.items
          .filter(
            (item) =>
              item.subject === widget.tool || (widget.uri !== null && item.subject === widget.uri),
          )
          .map((item) => ({
            check: check.id,
            status: check.status === 'error' ? ('error' as const) : ('fail' as const),
            severity: check.severity,
            code: check.code,
            message: check.message,
            detail: item.detail,
          })),
      ),
    })),
  };
}
