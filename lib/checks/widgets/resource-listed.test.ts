import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './resource-listed';
import { URI, noWidgetRun, read, widgetRun } from './shared/testing';

describe('widgets.resource-listed', () => {
  it('passes when the template is in resources/list', () => {
    expect(runCheck(check, widgetRun())).toMatchObject({ status: 'pass' });
  });

  it('passes when a resources/templates/list template matches it', () => {
    const t = widgetRun({
      templates: [
        read({
          listEntry: {
            method: 'resources/templates/list',
            uri: 'ui://widget/{name}.html',
            mimeType: null,
            meta: null,
          },
        }),
      ],
    });
    expect(runCheck(check, t)).toMatchObject({ status: 'pass' });
  });

  it('notes a template that is not listed (SEP-1865 allows it, so info)', () => {
    const r = runCheck(check, widgetRun({ templates: [read({ listEntry: null })] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'info',
      code: 'not-listed',
      evidence: ['x4', 'x5'],
    });
    expect(r.items[0]).toMatchObject({ subject: URI });
    expect(r.items[0]?.detail).toContain('rendered by show_board');
  });

  it('says when resources/list itself failed', () => {
    const t = widgetRun({
      templates: [read({ listEntry: null })],
      resources: {
        method: 'resources/list',
        items: [],
        pages: 0,
        exchangeIds: ['x4'],
        error: { code: 'jsonrpc-error', message: 'Method not found' },
        stoppedEarly: null,
      },
    });
    const r = runCheck(check, t);
    expect(r).toMatchObject({ status: 'fail', code: 'list-failed' });
    expect(r.items[0]?.detail).toContain('resources/list failed (Method not found)');
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
