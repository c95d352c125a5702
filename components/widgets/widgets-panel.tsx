import type { Report } from '@/lib/report/schema';
import { exchangeLabels } from '@/components/report/exchange-labels';
import { Section } from '@/components/ui/section';
import { runCalls } from '@/lib/calls/list';
import { previewDescriptor } from '@/lib/widgets/preview-token';
import { WidgetCard } from './widget-card';

/**
 * One card per tool that declares a widget: what the server declared and served, the assets its
 * HTML loads, the Widget row's findings about it, and a live preview in a sandboxed iframe.
 */
export function WidgetsPanel({ report, runId }: { report: Report; runId: string }) {
  const widgets = report.widgets?.widgets ?? [];
  const row = report.rows.find((r) => r.id === 'widgets');
  if (widgets.length === 0) {
    return (
      <Section id="widgets" title="Widgets">
        <p
          data-testid="widgets-none"
          className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600"
        >
          {row?.status === 'skipped'
            ? row.summary.replace(/^skipped: /, '').replace(/^./, (c) => c.toUpperCase()) + '.'
            : 'No widget was found.'}{' '}
          A tool declares one with <code className="font-mono text-xs">_meta.ui.resourceUri</code>{' '}
          (MCP Apps) or{' '}
          <code className="font-mono text-xs">_meta[&quot;openai/outputTemplate&quot;]</code> (Apps
          SDK).
        </p>
      </Section>
    );
  }
  const labels = exchangeLabels(report.exchanges);
  return (
    <Section
      id="widgets"
      title="Widgets"
      aside={`${widgets.length} tool${widgets.length === 1 ? '' : 's'} with a widget`}
    >
      <ul className="space-y-6">
        {widgets.map((widget) => {
          const tool =
            report.tools.find(
              (t) =>
                typeof t === 'object' &&
                t !== null &&
                (t as { name?: unknown }).name === widget.tool,
            ) ?? null;
          const read = report.widgets?.templates.find((r) => r.uri === widget.uri) ?? null;
          const calls = runCalls(report).filter((c) => c.tool === widget.tool);
          const last = calls.at(-1) ?? null;
          const preview = read?.content?.html
            ? previewDescriptor({ run: runId, tool: widget.tool, call: last?.id ?? null })
            : null;
          return (
            <WidgetCard
              key={widget.tool}
              widget={widget}
              read={read}
              tool={tool}
              runId={runId}
              preview={preview}
              lastCall={last}
              credentials={{ token: report.target.hasToken, headers: report.target.headerNames }}
              labels={labels}
            />
          );
        })}
      </ul>
    </Section>
  );
}
