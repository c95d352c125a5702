import type { Report } from '@/lib/report/schema';
import type { ToolCall } from '@/lib/report/schema-calls';

/**
 * Every call made after the run, oldest first: those at `report.widgets.calls` (where reports saved
 * before `report.calls` existed kept the widget tools' calls) and those at `report.calls`.
 */
export function runCalls(report: Pick<Report, 'widgets' | 'calls'>): ToolCall[] {
  return [...(report.widgets?.calls ?? []), ...(report.calls ?? [])];
}

/** The tool as the server listed it, by name (the first, when a careless server lists it twice). */
export function listedTool(
  report: Pick<Report, 'tools'>,
  name: string,
): Record<string, unknown> | null {
  for (const tool of report.tools) {
    if (typeof tool === 'object' && tool !== null && (tool as { name?: unknown }).name === name)
      return tool as Record<string, unknown>;
  }
  return null;
}
