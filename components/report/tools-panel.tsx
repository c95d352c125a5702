import type { CheckResult, Report } from '@/lib/report/schema';
import type { ToolCall } from '@/lib/report/schema-calls';
import { ToolCallPanel } from '@/components/calls/tool-call-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { runCalls } from '@/lib/calls/list';
import { toolSafety } from '@/lib/calls/tool-safety';
import { checkTone } from '@/components/ui/status';
import { JsonDetails } from './json-details';
import { ToolAnnotationsView } from './tool-annotations-view';
import { parseTool, type ToolDisplay } from './tool-display';

/**
 * Every tool as the server listed it, with what ChatGPT makes of its annotations, and a form to
 * call it (`POST /api/runs/<id>/calls`) with the run's calls of it.
 */
export function ToolsPanel({
  report,
  runId,
}: {
  report: Pick<Report, 'tools' | 'checks' | 'listing' | 'target' | 'widgets' | 'calls'>;
  runId: string;
}) {
  if (report.tools.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
        {report.listing
          ? 'The server listed no tools.'
          : 'Tools were not listed (an earlier step failed).'}
      </p>
    );
  }
  const findings = toolFindings(report.checks);
  const calls = runCalls(report);
  const credentials = { token: report.target.hasToken, headers: report.target.headerNames };
  return (
    <ul className="grid gap-4 lg:grid-cols-2">
      {report.tools.map((raw, index) => {
        const parsed = parseTool(raw);
        return parsed.ok ? (
          <ToolCard
            key={`${parsed.tool.name}-${index}`}
            tool={parsed.tool}
            raw={raw}
            findings={findings.get(parsed.tool.name) ?? []}
            call={{
              runId,
              credentials,
              calls: calls.filter((c) => c.tool === parsed.tool.name),
            }}
          />
        ) : (
          <li
            key={`raw-${index}`}
            className="rounded-lg border border-red-200 bg-white p-4 shadow-sm"
          >
            <p className="mb-2 text-sm font-medium text-red-800">
              Tool #{index + 1} has no usable name; as received:
            </p>
            <JsonDetails summary="Raw tool" value={parsed.raw} open />
          </li>
        );
      })}
    </ul>
  );
}

interface ToolFinding {
  check: CheckResult;
  detail: string;
}

/** Tools-row findings that name a tool, so each card carries its own problems. */
function toolFindings(checks: readonly CheckResult[]): Map<string, ToolFinding[]> {
  const byTool = new Map<string, ToolFinding[]>();
  for (const check of checks) {
    if (check.area !== 'tools' || (check.status !== 'fail' && check.status !== 'error')) continue;
    for (const item of check.items) {
      byTool.set(item.subject, [
        ...(byTool.get(item.subject) ?? []),
        { check, detail: item.detail },
      ]);
    }
  }
  return byTool;
}

function ToolCard({
  tool,
  raw,
  findings,
  call,
}: {
  tool: ToolDisplay;
  raw: unknown;
  findings: ToolFinding[];
  call: { runId: string; credentials: { token: boolean; headers: string[] }; calls: ToolCall[] };
}) {
  const title = tool.title ?? tool.annotations?.title;
  return (
    <li
      data-testid={`tool-${tool.name}`}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div>
        <h3 className="break-words font-mono text-sm font-semibold text-slate-900">{tool.name}</h3>
        {title ? <p className="text-sm text-slate-600">{title}</p> : null}
      </div>
      {tool.description ? (
        <p className="whitespace-pre-line break-words text-sm text-slate-700">{tool.description}</p>
      ) : (
        <p className="text-sm italic text-slate-500">No description</p>
      )}
      {findings.length > 0 ? (
        <ul className="space-y-1.5" aria-label={`Findings for ${tool.name}`}>
          {findings.map(({ check, detail }, index) => (
            <li key={`${check.id}-${index}`} className="flex items-start gap-2 text-sm">
              <StatusBadge tone={checkTone(check)} size="sm" />
              <span className="min-w-0 break-words text-slate-700">
                {detail}{' '}
                <a
                  href={`#check-${check.id}`}
                  className="font-mono text-xs text-slate-500 hover:underline"
                >
                  {check.id}
                </a>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ToolAnnotationsView tool={raw} />
      <div className="mt-auto space-y-2">
        <JsonDetails summary="Input schema" value={tool.inputSchema} />
        {tool.outputSchema === undefined ? null : (
          <JsonDetails summary="Output schema" value={tool.outputSchema} />
        )}
        <ToolCallPanel
          runId={call.runId}
          tool={tool.name}
          inputSchema={tool.inputSchema}
          safety={toolSafety(raw)}
          credentials={call.credentials}
          calls={call.calls}
        />
      </div>
    </li>
  );
}
