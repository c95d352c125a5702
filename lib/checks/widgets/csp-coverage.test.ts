import { describe, expect, it } from 'vitest';
import type { WidgetSource } from '@/lib/report/schema-widgets';
import { runCheck } from '../define';
import { noSession } from '../testing';
import check from './csp-coverage';
import { HTML, URI, read, widget, widgetRun } from './shared/testing';

const BOARD_JS = 'https://cdn.example.com/board.js';

const source = (text: string | null, overrides: Partial<WidgetSource> = {}): WidgetSource => ({
  url: BOARD_JS,
  kind: 'script',
  text,
  bytes: text?.length ?? 0,
  truncated: false,
  status: text === null ? null : 200,
  exchangeIds: ['x8'],
  error: null,
  skipped: null,
  ...overrides,
});

/** The healthy widget (ui.csp: connect api.example.com, resource cdn.example.com) with its script's body. */
const withScript = (code: string | null, html = HTML) =>
  widgetRun({
    templates: [read({ content: { ...read().content!, html } })],
    sources: [source(code)],
  });

describe('widgets.csp-coverage', () => {
  it.each([
    {
      name: 'passes when the script uses only declared origins',
      t: withScript('fetch("https://api.example.com/board").then((r) => r.json());'),
      expected: { status: 'pass', group: 'security' },
    },
    {
      name: 'warns on a fetch to an undeclared origin, naming the line and the key to add',
      t: withScript('const a = 1;\nfetch("https://tracker.example.net/collect");'),
      expected: {
        status: 'fail',
        code: 'undeclared-connect',
        severity: 'warning',
        group: 'security',
        evidence: ['x6', 'x8'],
      },
    },
    {
      name: 'warns on a WebSocket to an undeclared origin in an inline script',
      t: withScript(
        'fetch("https://api.example.com/x");',
        HTML.replace(
          '</body>',
          '<script>\nnew WebSocket("wss://live.example.org/feed");\n</script></body>',
        ),
      ),
      expected: { status: 'fail', code: 'undeclared-connect' },
    },
    {
      name: 'is info when a declared domain is never used',
      t: withScript('document.body.textContent = "hi";'),
      expected: { status: 'fail', code: 'unused-declared', severity: 'info' },
    },
    {
      name: 'is skipped, blocked on widgets.assets-reachable, when the script could not be read',
      t: withScript(null),
      expected: {
        status: 'skipped',
        skip: { cause: 'blocked', owner: 'widgets.assets-reachable' },
      },
    },
    {
      name: 'is skipped when the transcript predates the sources (nothing read)',
      t: widgetRun(),
      expected: { status: 'skipped', skip: { cause: 'blocked' } },
    },
    {
      name: 'is not applicable without widgets',
      t: widgetRun({ widgets: [] }),
      expected: { status: 'skipped', skip: { cause: 'not-applicable' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });

  it('names the origin, the line it came from and the key for the standard declared', () => {
    const result = runCheck(
      check,
      withScript('const a = 1;\nfetch("https://tracker.example.net/collect");'),
    );
    const item = result.items.find((i) => i.detail.includes('tracker'));
    expect(item?.subject).toBe(URI);
    expect(item?.detail).toContain('https://tracker.example.net');
    expect(item?.detail).toContain(`${BOARD_JS} line 2`);
    expect(item?.detail).toContain('add "https://tracker.example.net" to ui.csp.connectDomains');
  });

  it('names the Apps SDK key for an openai/widgetCSP declaration', () => {
    const t = withScript(
      'fetch("https://api.example.com/x"); fetch("https://other.example.net/");',
    );
    const [w] = t.widgets!.widgets;
    t.widgets!.widgets = [
      widget({ csp: [{ ...w!.csp[0]!, standard: 'apps-sdk', key: 'openai/widgetCSP' }] }),
    ];
    const result = runCheck(check, t);
    expect(result.items.some((i) => i.detail.includes('openai/widgetCSP.connect_domains'))).toBe(
      true,
    );
  });

  it('is skipped, blocked, when tools/list never ran', () => {
    expect(runCheck(check, noSession(null)).status).toBe('skipped');
  });
});
