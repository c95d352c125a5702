import { describe, expect, it } from 'vitest';
import { analyzeCspCoverage } from '@/lib/analysis/csp-coverage';
import { extractAssets } from '@/lib/widgets/html-assets';
import { REPORT_WIDGET_HTML } from './report-widget';
import { reportWidgetMeta } from './resource';

describe('the report widget', () => {
  it('is one self-contained document: inline style and script, nothing it loads from elsewhere', () => {
    const summary = extractAssets(REPORT_WIDGET_HTML);
    expect(summary.assets).toEqual([]);
    expect(summary.inlineScripts).toBe(1);
    expect(REPORT_WIDGET_HTML).not.toMatch(/<link\b|\bsrc=|@import|\burl\(/i);
  });

  it('needs no CSP domain: its code loads nothing, and it parses', () => {
    const coverage = analyzeCspCoverage(REPORT_WIDGET_HTML, [], {
      connect: [],
      resource: [],
      frame: [],
    });
    expect(coverage.parseErrors).toEqual([]);
    expect(coverage.used).toEqual([]);
    expect(coverage.undeclared).toEqual([]);
    expect(coverage.dynamic).toEqual([]);
  });

  it('declares its (empty) CSP and its domain in both standards’ keys', () => {
    const meta = reportWidgetMeta('https://doctor.example.com');
    expect(meta).toMatchObject({
      ui: {
        csp: { connectDomains: [], resourceDomains: [] },
        domain: 'https://doctor.example.com',
      },
      'openai/widgetCSP': { connect_domains: [], resource_domains: [] },
      'openai/widgetDomain': 'https://doctor.example.com',
    });
    const withoutOrigin = reportWidgetMeta(null);
    expect(withoutOrigin).not.toHaveProperty('openai/widgetDomain');
    expect(withoutOrigin.ui).not.toHaveProperty('domain');
  });
});
