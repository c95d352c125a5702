import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './domain';
import { URI, noWidgetRun, read, widget, widgetRun } from './shared/testing';

describe('widgets.domain', () => {
  it('passes when the template declares a domain', () => {
    expect(runCheck(check, widgetRun())).toMatchObject({ status: 'pass' });
  });

  it('notes a template without openai/widgetDomain or ui.domain', () => {
    const r = runCheck(check, widgetRun({ widgets: [widget({ domain: [] })] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'info',
      code: 'no-domain',
      evidence: ['x6'],
    });
    expect(r.items[0]).toMatchObject({ subject: URI });
  });

  it('is blocked on a template that could not be read, never a pass', () => {
    expect(
      runCheck(
        check,
        widgetRun({
          widgets: [widget({ domain: [] })],
          templates: [read({ content: null, error: { code: 'failed', message: 'y' } })],
        }),
      ),
    ).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'widgets.resource-read' },
    });
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
