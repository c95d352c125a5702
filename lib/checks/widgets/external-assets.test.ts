import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './external-assets';
import { URI, asset, noWidgetRun, widget, widgetRun } from './shared/testing';

describe('widgets.external-assets', () => {
  it('passes when every asset is public and in the CSP', () => {
    expect(runCheck(check, widgetRun())).toMatchObject({
      status: 'pass',
      message: '1 external asset, all public and allowed by the CSP',
    });
  });

  it('passes a wildcard subdomain source', () => {
    const w = widget();
    const csp = { ...w.csp[0]!, resourceDomains: ['https://*.example.com'] };
    expect(runCheck(check, widgetRun({ widgets: [widget({ csp: [csp] })] })).status).toBe('pass');
  });

  it('fails with an error on a localhost asset, even when the CSP lists it', () => {
    const local = asset({
      ref: 'http://localhost:5173/src/main.js',
      url: 'http://localhost:5173/src/main.js',
      host: 'localhost:5173',
      scope: 'loopback',
      fetch: null,
    });
    const w = widget();
    const csp = { ...w.csp[0]!, resourceDomains: ['http://localhost:5173'] };
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [local], csp: [csp] })] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'error',
      code: 'local-host',
      evidence: ['x6'],
    });
    expect(r.items[0]).toMatchObject({ subject: URI });
    expect(r.items[0]?.detail).toContain(
      'http://localhost:5173/src/main.js is on localhost:5173 (loopback)',
    );
  });

  it('fails with an error on a private-network asset the probe did not fetch', () => {
    const internal = asset({
      url: 'https://assets.corp/app.js',
      host: 'assets.corp',
      scope: 'private',
      addresses: ['10.0.0.5'],
      fetch: null,
      skipped: 'not fetched',
    });
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [internal] })] }));
    expect(r).toMatchObject({ status: 'fail', severity: 'error', code: 'local-host' });
  });

  it('warns on a public asset the CSP does not list', () => {
    const other = asset({
      url: 'https://unpkg.com/react.js',
      ref: 'https://unpkg.com/react.js',
      host: 'unpkg.com',
      fetch: { ...asset().fetch!, exchangeIds: ['x8'] },
    });
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [asset(), other] })] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'warning',
      code: 'not-in-csp',
      evidence: ['x6', 'x8'],
    });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]?.detail).toContain('ui.csp does not list its origin');
  });

  it('warns on every external asset when no CSP is declared', () => {
    const r = runCheck(check, widgetRun({ widgets: [widget({ csp: [] })] }));
    expect(r).toMatchObject({ status: 'fail', severity: 'warning', code: 'not-in-csp' });
    expect(r.items[0]?.detail).toContain('no CSP is declared');
  });

  it('warns on a relative reference', () => {
    const relative = asset({
      ref: '/assets/app.js',
      url: null,
      host: null,
      scope: 'relative',
      fetch: null,
    });
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [relative] })] }));
    expect(r).toMatchObject({ status: 'fail', severity: 'warning', code: 'relative-url' });
  });

  it('checks an iframe against frameDomains, not resourceDomains', () => {
    const frame = asset({
      kind: 'frame',
      where: '<iframe src>',
      url: 'https://cdn.example.com/embed',
      ref: 'https://cdn.example.com/embed',
    });
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [frame] })] }));
    expect(r).toMatchObject({ status: 'fail', code: 'not-in-csp' });
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
