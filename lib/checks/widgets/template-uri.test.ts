import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { failedAt } from '../testing';
import check from './template-uri';
import { noWidgetRun, widget, widgetRun } from './shared/testing';

describe('widgets.template-uri', () => {
  it('passes when every declaration is a ui:// URI', () => {
    const r = runCheck(check, widgetRun());
    expect(r).toMatchObject({ status: 'pass', code: null });
  });

  it.each([
    {
      value: 'https://example.com/widget.html',
      code: 'not-ui-scheme',
      detail: /"https:\/\/example.com\/widget.html", not a ui:\/\/ URI/,
    },
    { value: './widget.html', code: 'not-ui-scheme', detail: /not a ui:\/\/ URI/ },
    { value: 'ui://', code: 'not-ui-scheme', detail: /not a ui:\/\/ URI/ },
  ])('fails on $value', ({ value, code, detail }) => {
    const t = widgetRun({
      widgets: [
        widget({
          declarations: [
            { key: 'openai/outputTemplate', standard: 'apps-sdk', uri: value, valueType: 'string' },
          ],
          standards: ['apps-sdk'],
          uri: value,
        }),
      ],
    });
    const r = runCheck(check, t);
    expect(r).toMatchObject({ status: 'fail', severity: 'error', code, evidence: ['x3'] });
    expect(r.items[0]?.subject).toBe('show_board');
    expect(r.items[0]?.detail).toMatch(detail);
  });

  it('fails when a declaration is not a string', () => {
    const t = widgetRun({
      widgets: [
        widget({
          declarations: [
            { key: 'ui.resourceUri', standard: 'mcp-apps', uri: null, valueType: 'object' },
          ],
          uri: null,
        }),
      ],
    });
    const r = runCheck(check, t);
    expect(r).toMatchObject({ status: 'fail', code: 'not-a-string' });
    expect(r.message).toContain('_meta.ui.resourceUri is object');
  });

  it('is skipped when no tool declares a widget, or tools/list failed', () => {
    expect(runCheck(check, noWidgetRun())).toMatchObject({
      status: 'skipped',
      message: 'skipped: no tool declares a widget',
    });
    const failed = failedAt('tools', { code: 'timeout', message: 'tools/list timed out' });
    failed.listing = {
      pages: [
        {
          cursor: null,
          nextCursor: null,
          count: 0,
          exchangeId: 'x3',
          durationMs: 10,
          error: { code: 'timeout', message: 'timed out' },
        },
      ],
      stoppedEarly: null,
      relist: null,
    };
    expect(runCheck(check, failed)).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'tools.list' },
    });
  });
});
