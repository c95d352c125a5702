import { describe, expect, test } from 'vitest';
import { ReportSchema } from '@/lib/report/schema';
import { transcript } from '@/lib/checks/testing';
import { buildReport } from '@/lib/diagnose/build-report';
import { runCalls } from './list';

// A saved report as the store gives it back: JSON.
const HEALTHY_REPORT = JSON.parse(JSON.stringify(buildReport(transcript()))) as Record<
  string,
  unknown
>;

const call = (id: string, tool: string) => ({
  id,
  tool,
  arguments: {},
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5,
  result: { content: [] },
  error: null,
  exchangeIds: ['x9'],
});

describe('calls saved at widgets.calls (before report.calls) and at report.calls', () => {
  test('an old report with widgets.calls and no report.calls still parses, and its calls are listed', () => {
    const old = {
      ...HEALTHY_REPORT,
      widgets: {
        resources: null,
        resourceTemplates: null,
        templates: [],
        widgets: [],
        stoppedEarly: null,
        calls: [call('call-1', 'show_card')],
      },
    };
    delete (old as { calls?: unknown }).calls;
    const parsed = ReportSchema.parse(old);
    expect(parsed.calls).toBeUndefined();
    expect(runCalls(parsed).map((c) => c.id)).toEqual(['call-1']);
    expect(runCalls(parsed)[0]?.outputCheck).toBeUndefined();
  });

  test('both places are read, old ones first', () => {
    const parsed = ReportSchema.parse({
      ...HEALTHY_REPORT,
      widgets: null,
      calls: [{ ...call('call-2', 'get_order'), outputCheck: null, confirmed: true }],
    });
    expect(runCalls(parsed).map((c) => c.id)).toEqual(['call-2']);
    expect(
      runCalls({
        widgets: { ...(parsed.widgets ?? {}), calls: [call('call-1', 'a')] } as never,
        calls: parsed.calls,
      }).map((c) => c.id),
    ).toEqual(['call-1', 'call-2']);
  });
});
