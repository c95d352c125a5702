import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './assets-reachable';
import { URI, asset, noWidgetRun, read, widget, widgetRun } from './shared/testing';

const fetched = (
  status: number | null,
  extra: Partial<NonNullable<ReturnType<typeof asset>['fetch']>> = {},
) =>
  asset({
    fetch: {
      method: 'HEAD',
      status,
      contentType: null,
      location: null,
      exchangeIds: ['x7'],
      error: null,
      ...extra,
    },
  });

describe('widgets.assets-reachable', () => {
  it.each([
    { name: '200', a: fetched(200) },
    {
      name: 'a 301 with a Location',
      a: fetched(301, { location: 'https://cdn2.example.com/board.js' }),
    },
    { name: '206 to a one-byte GET', a: fetched(206, { method: 'GET' }) },
  ])('passes on $name', ({ a }) => {
    expect(runCheck(check, widgetRun({ widgets: [widget({ assets: [a] })] }))).toMatchObject({
      status: 'pass',
      message: '1 external asset answered',
    });
  });

  it('does not apply when the templates load no asset', () => {
    expect(runCheck(check, widgetRun({ widgets: [widget({ assets: [] })] }))).toMatchObject({
      status: 'skipped',
      skip: { cause: 'not-applicable' },
    });
  });

  it('is blocked, not passed, when an asset could not be asked', () => {
    const unasked = asset({
      fetch: null,
      scope: 'private',
      skipped: 'not fetched: a private address',
    });
    expect(runCheck(check, widgetRun({ widgets: [widget({ assets: [unasked] })] }))).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'widgets.external-assets' },
      message: expect.stringContaining('not fetched: a private address'),
    });
  });

  it('is blocked, not passed, when the template could not be read', () => {
    expect(
      runCheck(
        check,
        widgetRun({
          widgets: [widget({ assets: [] })],
          templates: [read({ content: null, error: { code: 'failed', message: 'y' } })],
        }),
      ),
    ).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'widgets.resource-read' },
    });
  });

  it('fails on a 404, naming the URL and status', () => {
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [fetched(404)] })] }));
    expect(r).toMatchObject({
      status: 'fail',
      severity: 'error',
      code: 'bad-status',
      evidence: ['x7'],
    });
    expect(r.items[0]).toMatchObject({
      subject: URI,
      detail: 'https://cdn.example.com/board.js answered HEAD with HTTP 404',
    });
  });

  it('fails when the asset does not answer at all', () => {
    const refused = fetched(null, {
      error: {
        code: 'connection-refused',
        message: 'HEAD http://localhost:5173/main.js: connect ECONNREFUSED 127.0.0.1:5173',
      },
    });
    const r = runCheck(check, widgetRun({ widgets: [widget({ assets: [refused] })] }));
    expect(r).toMatchObject({ status: 'fail', code: 'unreachable' });
    expect(r.message).toContain('ECONNREFUSED');
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
