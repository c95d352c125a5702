import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './resource-read';
import { URI, noWidgetRun, read, widgetRun } from './shared/testing';

describe('widgets.resource-read', () => {
  it('passes when the template was read', () => {
    expect(runCheck(check, widgetRun())).toMatchObject({
      status: 'pass',
      message: '1 widget template read',
    });
  });

  it.each([
    {
      name: 'a JSON-RPC error',
      template: read({
        content: null,
        error: {
          code: 'jsonrpc-error',
          message: `resources/read ${URI}: JSON-RPC error -32002: Resource not found`,
        },
      }),
      code: 'read-failed',
      detail: /Resource not found/,
    },
    {
      name: 'a body over the bound',
      template: read({
        content: null,
        error: { code: 'body-too-large', message: 'response body exceeded 4194304 bytes' },
      }),
      code: 'too-large',
      detail: /exceeded/,
    },
    {
      name: 'no contents',
      template: read({ content: null, contentCount: 0 }),
      code: 'no-contents',
      detail: /0 content entries/,
    },
    {
      name: 'neither text nor blob',
      template: read({ content: { ...read().content!, encoding: 'none', html: null, bytes: 0 } }),
      code: 'no-contents',
      detail: /neither text nor blob/,
    },
    {
      name: 'an undecodable blob',
      template: read({
        content: {
          ...read().content!,
          encoding: 'blob',
          html: null,
          decodeError: 'blob is not valid base64',
        },
      }),
      code: 'bad-blob',
      detail: /not valid base64/,
    },
  ])('fails on $name', ({ template, code, detail }) => {
    const r = runCheck(check, widgetRun({ templates: [template] }));
    expect(r).toMatchObject({ status: 'fail', severity: 'error', code, evidence: ['x6'] });
    expect(r.items[0]?.subject).toBe(URI);
    expect(r.items[0]?.detail).toMatch(detail);
    expect(r.items[0]?.detail).toContain('rendered by show_board');
  });

  it('asks "did you mean" the listed URI a version away, and only then', () => {
    const failed = read({
      content: null,
      error: { code: 'jsonrpc-error', message: `resources/read ${URI}: Resource not found` },
    });
    const listing = (uri: string) => ({
      method: 'resources/list' as const,
      items: [{ uri, name: 'board' }],
      pages: 1,
      exchangeIds: ['x4'],
      error: null,
      stoppedEarly: null,
    });
    const near = runCheck(
      check,
      widgetRun({ templates: [failed], resources: listing('ui://widget/board-v2.html') }),
    );
    expect(near.items[0]?.fix).toMatch(/^Did you mean ui:\/\/widget\/board-v2\.html\?/);
    expect(near.fix).toBe(near.items[0]?.fix);
    const far = runCheck(
      check,
      widgetRun({ templates: [failed], resources: listing('ui://widget/settings-panel.html') }),
    );
    expect(far.items[0]?.fix).toBeUndefined();
    expect(far.fix).toMatch(/^Register the template/);
  });

  it('is skipped without widgets', () => {
    expect(runCheck(check, noWidgetRun()).status).toBe('skipped');
  });
});
