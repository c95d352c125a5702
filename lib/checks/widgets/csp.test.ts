import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './csp';
import { URI, noWidgetRun, widget, widgetRun } from './shared/testing';

describe('widgets.csp', () => {
  it('passes with a declared CSP, or with no CSP and no external assets', () => {
    expect(runCheck(check, widgetRun()).status).toBe('pass');
    expect(runCheck(check, widgetRun({ widgets: [widget({ csp: [], assets: [] })] })).status).toBe(
      'pass',
    );
  });

  it('warns when the widget loads from other origins without any CSP', () => {
    const r = runCheck(check, widgetRun({ widgets: [widget({ csp: [] })] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'warning',
      code: 'no-csp',
      evidence: ['x6'],
    });
    expect(r.items[0]).toMatchObject({ subject: URI });
    expect(r.message).toContain('https://cdn.example.com/board.js');
  });

  it('warns on entries a host cannot allow', () => {
    const base = widget().csp[0]!;
    const r = runCheck(
      check,
      widgetRun({
        widgets: [
          widget({
            csp: [
              {
                ...base,
                resourceDomains: ['*', 'https://cdn.example.com'],
                invalid: ['connectDomains is string, not an array'],
              },
            ],
          }),
        ],
      }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'invalid-csp' });
    expect(r.items.map((i) => i.detail)).toEqual([
      'ui.csp: connectDomains is string, not an array',
      'ui.csp lists "*", which is not an origin a host can allow',
    ]);
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
