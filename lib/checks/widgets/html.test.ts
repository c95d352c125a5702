import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './html';
import { URI, noWidgetRun, read, widgetRun } from './shared/testing';

const withHtml = (html: string, bytes = Buffer.byteLength(html)) =>
  read({ content: { ...read().content!, html, bytes } });

describe('widgets.html', () => {
  it.each([
    '<!doctype html><html><body><div id="root"></div></body></html>',
    '<div id="root"></div><script>render()</script>',
  ])('passes on %s', (html) => {
    expect(runCheck(check, widgetRun({ templates: [withHtml(html)] }))).toMatchObject({
      status: 'pass',
    });
  });

  it.each([
    { name: 'empty content', html: '   ', code: 'empty' },
    { name: 'JSON instead of HTML', html: '{"html": "<div>"}', code: 'not-html' },
    {
      name: 'a URL instead of HTML',
      html: 'https://cdn.example.com/widget.html',
      code: 'not-html',
    },
  ])('fails on $name', ({ html, code }) => {
    const r = runCheck(check, widgetRun({ templates: [withHtml(html)] }));
    expect(r).toMatchObject({ status: 'fail', severity: 'error', code, evidence: ['x6'] });
    expect(r.items[0]?.subject).toBe(URI);
  });

  it('fails on a template over 5 MB', () => {
    const r = runCheck(check, widgetRun({ templates: [withHtml('<div></div>', 6 * 1024 * 1024)] }));
    expect(r).toMatchObject({ status: 'fail', code: 'too-large' });
    expect(r.message).toContain('6.0 MB');
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
