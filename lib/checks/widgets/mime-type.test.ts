import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './mime-type';
import { URI, noWidgetRun, read, widget, widgetRun } from './shared/testing';

const servedAs = (mimeType: string | null) => read({ content: { ...read().content!, mimeType } });
const appsSdkOnly = widget({
  declarations: [
    { key: 'openai/outputTemplate', standard: 'apps-sdk', uri: URI, valueType: 'string' },
  ],
  standards: ['apps-sdk'],
});
const mcpAppsOnly = widget({
  declarations: [{ key: 'ui.resourceUri', standard: 'mcp-apps', uri: URI, valueType: 'string' }],
  standards: ['mcp-apps'],
});

describe('widgets.mime-type', () => {
  it.each([
    { name: 'MCP Apps profile', widgets: [widget()], mime: 'text/html;profile=mcp-app' },
    {
      name: 'the profile with spaces, quotes and capitals',
      widgets: [widget()],
      mime: 'Text/HTML; profile="mcp-app"',
    },
    {
      name: 'skybridge for an Apps SDK-only tool',
      widgets: [appsSdkOnly],
      mime: 'text/html+skybridge',
    },
  ])('passes with $name', ({ widgets, mime }) => {
    expect(runCheck(check, widgetRun({ widgets, templates: [servedAs(mime)] }))).toMatchObject({
      status: 'pass',
    });
  });

  it('fails on plain text/html, naming the type', () => {
    const r = runCheck(check, widgetRun({ templates: [servedAs('text/html')] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'error',
      code: 'unsupported-mime',
      evidence: ['x6'],
    });
    expect(r.message).toBe(`${URI} served as "text/html"`);
  });

  it('fails when the content has no mimeType', () => {
    expect(runCheck(check, widgetRun({ templates: [servedAs(null)] }))).toMatchObject({
      status: 'fail',
      code: 'no-mime',
      severity: 'error',
    });
  });

  it('fails a skybridge template that only ui.resourceUri declares (MCP Apps hosts refuse it)', () => {
    const r = runCheck(
      check,
      widgetRun({ widgets: [mcpAppsOnly], templates: [servedAs('text/html+skybridge')] }),
    );
    expect(r).toMatchObject({ status: 'fail', severity: 'error', code: 'mcp-apps-needs-profile' });
  });

  it('warns when both keys name a skybridge template: ChatGPT renders it, other MCP Apps hosts do not', () => {
    const r = runCheck(check, widgetRun({ templates: [servedAs('text/html+skybridge')] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'warning',
      code: 'mcp-apps-needs-profile',
    });
    expect(r.items[0]?.detail).toContain('ChatGPT renders it');
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
