import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './declarations-agree';
import { URI, noWidgetRun, read, widget, widgetRun } from './shared/testing';

const OTHER = 'ui://widget/board-v2.html';

describe('widgets.declarations-agree', () => {
  it('passes when both keys name one template', () => {
    expect(runCheck(check, widgetRun())).toMatchObject({ status: 'pass' });
  });

  it('fails when the keys name different templates, saying which exist', () => {
    const declarations = [
      {
        key: 'ui.resourceUri' as const,
        standard: 'mcp-apps' as const,
        uri: OTHER,
        valueType: 'string',
      },
      {
        key: 'openai/outputTemplate' as const,
        standard: 'apps-sdk' as const,
        uri: URI,
        valueType: 'string',
      },
    ];
    const missing = read({
      uri: OTHER,
      exchangeId: 'x8',
      content: null,
      error: { code: 'jsonrpc-error', message: 'Resource not found' },
    });
    const t = widgetRun({
      widgets: [widget({ declarations, uri: OTHER })],
      templates: [read(), missing],
    });
    const r = runCheck(check, t);
    expect(r).toMatchObject({ status: 'fail', severity: 'error', code: 'different-uris' });
    expect(r.evidence).toEqual(expect.arrayContaining(['x3', 'x6', 'x8']));
    expect(r.items).toEqual([
      {
        subject: 'show_board',
        detail: `ui.resourceUri → ${OTHER} (cannot be read); openai/outputTemplate → ${URI} (exists)`,
      },
    ]);
  });

  it('fails when the flat and nested MCP Apps keys disagree', () => {
    const declarations = [
      {
        key: 'ui.resourceUri' as const,
        standard: 'mcp-apps' as const,
        uri: URI,
        valueType: 'string',
      },
      {
        key: 'ui/resourceUri' as const,
        standard: 'mcp-apps' as const,
        uri: OTHER,
        valueType: 'string',
      },
    ];
    const r = runCheck(
      check,
      widgetRun({ widgets: [widget({ declarations, standards: ['mcp-apps'] })] }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'different-uris' });
    expect(r.items[0]?.detail).toContain(`ui/resourceUri → ${OTHER} (not read)`);
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
