import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './host-coverage';
import { URI, noWidgetRun, widget, widgetRun } from './shared/testing';

describe('widgets.host-coverage', () => {
  it('passes when ui.resourceUri is declared (with or without the Apps SDK key)', () => {
    expect(runCheck(check, widgetRun())).toMatchObject({ status: 'pass' });
    const mcpOnly = widget({
      declarations: [
        { key: 'ui.resourceUri', standard: 'mcp-apps', uri: URI, valueType: 'string' },
      ],
      standards: ['mcp-apps'],
    });
    expect(runCheck(check, widgetRun({ widgets: [mcpOnly] }))).toMatchObject({ status: 'pass' });
  });

  it('notes an Apps SDK-only widget: ChatGPT renders it, MCP Apps hosts do not', () => {
    const appsOnly = widget({
      declarations: [
        { key: 'openai/outputTemplate', standard: 'apps-sdk', uri: URI, valueType: 'string' },
      ],
      standards: ['apps-sdk'],
    });
    const r = runCheck(check, widgetRun({ widgets: [appsOnly] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'info',
      code: 'apps-sdk-only',
      evidence: ['x3'],
    });
    expect(r.items[0]).toMatchObject({ subject: 'show_board' });
    expect(r.message).toContain('ChatGPT renders it');
  });

  it('notes the deprecated flat ui/resourceUri key', () => {
    const flat = widget({
      declarations: [
        { key: 'ui/resourceUri', standard: 'mcp-apps', uri: URI, valueType: 'string' },
      ],
      standards: ['mcp-apps'],
    });
    const r = runCheck(check, widgetRun({ widgets: [flat] }));
    expect(r).toMatchObject({ status: 'fail', severity: 'info', code: 'deprecated-key' });
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
