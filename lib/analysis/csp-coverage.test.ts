import { describe, expect, it } from 'vitest';
import { analyzeCspCoverage, CSP_COVERAGE_LIMITS } from './csp-coverage';
import { CspCoverageSchema, type DeclaredCsp } from './csp-schema';
import {
  BROKEN_HTML,
  BUNDLE_HTML,
  BUNDLE_JS,
  EMBED_HTML,
  PIZZA_CSS,
  PIZZA_HTML,
} from './fixtures/widgets';

const NONE: DeclaredCsp = { connect: [], resource: [], frame: [] };

/** 1-based line and column of the first `needle` in `text` (after `after`, when given). */
function at(text: string, needle: string, after = '') {
  const index = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (index < 0) throw new Error(`${needle} not in fixture`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

const summary = (r: ReturnType<typeof analyzeCspCoverage>) =>
  r.used.map((u) => [u.origin, u.kind, u.via, u.source.script, u.source.line, u.source.column]);

describe('analyzeCspCoverage: an Apps SDK widget with inline code and a CDN stylesheet', () => {
  const result = analyzeCspCoverage(
    PIZZA_HTML,
    [],
    {
      connect: ['https://api.example.com', 'https://unused.example.org'],
      resource: ['https://cdn.example.com'],
      frame: [],
    },
    { stylesheets: [{ url: 'https://cdn.example.com/pizza/app.css', text: PIZZA_CSS }] },
  );

  it('finds every origin with its kind and line, and nothing from comments, JSON or link constants', () => {
    const href = at(PIZZA_HTML, 'href="https://cdn');
    const font = at(PIZZA_HTML, 'url(https://fonts');
    const img = at(PIZZA_HTML, 'src="https://images');
    const fetch = at(PIZZA_HTML, '`${API}');
    const ws = at(PIZZA_HTML, "'wss://");
    expect(summary(result)).toEqual([
      ['https://cdn.example.com', 'resource', 'style', 'html', href.line, href.column],
      ['https://fonts.example.org', 'resource', 'font', 'html', font.line, font.column],
      ['https://images.example.net', 'resource', 'img', 'html', img.line, img.column],
      ['https://api.example.com', 'connect', 'fetch', 'inline #1', fetch.line, fetch.column],
      ['wss://live.example.com', 'connect', 'websocket', 'inline #1', ws.line, ws.column],
      [
        'https://cdn.example.com',
        'resource',
        'css-import',
        'https://cdn.example.com/pizza/app.css',
        1,
        9,
      ],
      [
        'https://cdn.example.com',
        'resource',
        'css-url',
        'https://cdn.example.com/pizza/app.css',
        2,
        27,
      ],
      [
        'https://images.example.net',
        'resource',
        'css-url',
        'https://cdn.example.com/pizza/app.css',
        4,
        15,
      ],
    ]);
    expect(CspCoverageSchema.parse(result)).toEqual(result);
  });

  it('names each undeclared origin once, with the keys to add it to and every line that uses it', () => {
    expect(
      result.undeclared.map((u) => [
        u.add,
        u.kind,
        u.keys,
        u.uses.map((x) => [x.source.script, x.source.line]),
      ]),
    ).toEqual([
      [
        'https://fonts.example.org',
        'resource',
        ['ui.csp.resourceDomains', 'openai/widgetCSP.resource_domains'],
        [['html', 7]],
      ],
      [
        'https://images.example.net',
        'resource',
        ['ui.csp.resourceDomains', 'openai/widgetCSP.resource_domains'],
        [
          ['html', 13],
          ['https://cdn.example.com/pizza/app.css', 4],
        ],
      ],
      [
        'wss://live.example.com',
        'connect',
        ['ui.csp.connectDomains', 'openai/widgetCSP.connect_domains'],
        [['inline #1', 26]],
      ],
    ]);
  });

  it('reports declared sources nothing uses, relative references and run-time URLs', () => {
    expect(result.unusedDeclared).toEqual([
      {
        source: 'https://unused.example.org',
        kind: 'connect',
        keys: ['ui.csp.connectDomains', 'openai/widgetCSP.connect_domains'],
      },
    ]);
    expect(result.sameOrigin.map((s) => [s.ref, s.via, s.source.line])).toEqual([
      ['/local/state.json', 'fetch', at(PIZZA_HTML, "'/local").line],
    ]);
    expect(result.dynamic.map((d) => [d.via, d.source.excerpt])).toEqual([
      ['fetch', 'fetch(window.openai.toolOutput.url);'],
    ]);
    expect(result.parseErrors).toEqual([]);
    expect(result.truncated).toBe(false);
  });
});

describe('analyzeCspCoverage: a bundled app served from a CDN', () => {
  const result = analyzeCspCoverage(
    BUNDLE_HTML,
    [{ url: 'https://cdn.example.com/app/index-Bx2k.js', text: BUNDLE_JS }],
    { connect: ['https://*.example.com'], resource: ['cdn.example.com'], frame: [] },
  );

  it('reads the minified bundle: fetch through a constant, XHR, EventSource, beacon, worker, imports', () => {
    const col = (needle: string) => at(BUNDLE_JS, needle).column;
    const bundle = 'https://cdn.example.com/app/index-Bx2k.js';
    expect(summary(result)).toEqual([
      ['https://cdn.example.com', 'resource', 'script', 'html', 2, 23],
      ['https://cdn.example.com', 'resource', 'script', 'html', 3, 27],
      ['https://cdn.example.com', 'resource', 'import', bundle, 1, col('"./vendor')],
      ['https://api.example.com', 'connect', 'fetch', bundle, 1, col('`${t}')],
      ['https://upload.example.com', 'connect', 'xhr', bundle, 1, col('"https://upload')],
      ['https://events.example.com', 'connect', 'eventsource', bundle, 1, col('"https://events')],
      ['https://metrics.example.com', 'connect', 'beacon', bundle, 1, col('"https://metrics')],
      ['https://cdn.example.com', 'resource', 'worker', bundle, 1, col('new URL')],
      ['https://esm.example.org', 'resource', 'import', bundle, 1, col('"https://esm')],
    ]);
  });

  it('matches a wildcard connect source and a scheme-less resource source; the rest is undeclared', () => {
    expect(result.undeclared.map((u) => [u.add, u.keys[0]])).toEqual([
      ['https://esm.example.org', 'ui.csp.resourceDomains'],
    ]);
    expect(result.unusedDeclared).toEqual([]);
  });
});

describe('analyzeCspCoverage: frames', () => {
  it('maps an iframe element and an iframe src assignment to frame, and an image to resource', () => {
    const result = analyzeCspCoverage(EMBED_HTML, [], {
      connect: [],
      resource: [],
      frame: ['https://www.youtube.example'],
    });
    expect(result.undeclared.map((u) => [u.add, u.kind, u.keys, u.uses[0]?.source.line])).toEqual([
      [
        'https://player.vimeo.example',
        'frame',
        ['ui.csp.frameDomains', 'openai/widgetCSP.frame_domains'],
        6,
      ],
      [
        'https://pixel.example.net',
        'resource',
        ['ui.csp.resourceDomains', 'openai/widgetCSP.resource_domains'],
        8,
      ],
    ]);
  });
});

describe('analyzeCspCoverage: a script with a syntax error', () => {
  it('still finds the loads, and says the script did not parse', () => {
    const result = analyzeCspCoverage(BROKEN_HTML, [], NONE);
    expect(summary(result)).toEqual([
      ['https://api.example.com', 'connect', 'fetch', 'inline #1', 4, 9],
      ['https://api.example.com', 'connect', 'fetch', 'inline #1', 6, 9],
    ]);
    expect(result.parseErrors).toEqual([
      { script: 'inline #1', message: 'Unexpected token', line: 6, column: 8 },
    ]);
  });
});

describe('analyzeCspCoverage: matching and resolution', () => {
  const one = (script: string, declared = NONE, widgetOrigin: string | null = null, html = '') =>
    analyzeCspCoverage(html, [{ url: null, text: script }], declared, { widgetOrigin });

  it.each<[string, string[], boolean]>([
    ['https://api.example.com', ['https://api.example.com'], true],
    ['https://api.example.com', ['api.example.com'], true],
    ['https://example.com', ['https://*.example.com'], false],
    ['https://a.api.example.com', ['https://*.example.com'], true],
    ['https://api.example.com:8443', ['https://api.example.com'], false],
    ['https://api.example.com:8443', ['https://api.example.com:8443'], true],
    ['https://api.example.com', ['http://api.example.com'], true],
    ['http://api.example.com', ['https://api.example.com'], false],
    ['https://api.example.com/v1/x', ['https://api.example.com/v1/'], true],
    ['https://api.example.com/v2/x', ['https://api.example.com/v1/'], false],
  ])('%s against %j: declared %s', (url, connect, allowed) => {
    const result = one(`fetch('${url}/')`, { connect, resource: [], frame: [] });
    expect(result.undeclared.length === 0).toBe(allowed);
  });

  it('suggests the origin with a non-default port', () => {
    expect(one(`fetch('https://api.example.com:8443/x')`).undeclared[0]?.add).toBe(
      'https://api.example.com:8443',
    );
  });

  it('never counts data:, blob: and same-origin loads as undeclared', () => {
    const result = one(
      `fetch('data:text/plain,hi'); fetch(URL.createObjectURL(b)); fetch('blob:https://x.example/1'); fetch('./rel'); fetch('https://sandbox.example.com/x')`,
      NONE,
      'https://sandbox.example.com',
    );
    expect(result.used).toEqual([]);
    expect(result.sameOrigin.map((s) => s.ref)).toEqual(['./rel', 'https://sandbox.example.com/x']);
  });

  it('resolves relative references against <base href>, which makes them cross-origin', () => {
    const result = one(
      `fetch('api/items')`,
      NONE,
      null,
      '<base href="https://app.example.com/w/"><img src="logo.png">',
    );
    expect(result.used.map((u) => [u.url, u.kind])).toEqual([
      ['https://app.example.com/w/logo.png', 'resource'],
      ['https://app.example.com/w/api/items', 'connect'],
    ]);
  });

  it('does not read an inline script twice when the caller passes it too', () => {
    const html = `<script>fetch('https://api.example.com/a')</script>`;
    const result = analyzeCspCoverage(
      html,
      [{ url: null, text: "fetch('https://api.example.com/a')" }],
      NONE,
    );
    expect(summary(result)).toEqual([
      ['https://api.example.com', 'connect', 'fetch', 'inline #1', 1, 15],
    ]);
  });

  it('skips declared entries that are not host-sources (the widgets.csp check reports them)', () => {
    expect(
      one('', {
        connect: ["'self'", '*', 'https://ok.example.com'],
        resource: [],
        frame: [],
      }).unusedDeclared.map((u) => u.source),
    ).toEqual(['https://ok.example.com']);
  });
});

describe('analyzeCspCoverage: bounds', () => {
  it('reads at most charsPerText of a script and says so', () => {
    const code = `fetch('https://a.example.com/');${' '.repeat(CSP_COVERAGE_LIMITS.charsPerText)}fetch('https://b.example.com/')`;
    const result = analyzeCspCoverage(
      '',
      [{ url: 'https://cdn.example.com/big.js', text: code }],
      NONE,
    );
    expect(result.used.map((u) => u.origin)).toEqual(['https://a.example.com']);
    expect(result.truncated).toBe(true);
  });

  it('keeps at most `references` loads and says so', () => {
    const code = Array.from(
      { length: CSP_COVERAGE_LIMITS.references + 5 },
      (_, i) => `fetch('https://h${i}.example.com/')`,
    ).join(';');
    const result = analyzeCspCoverage(
      '',
      [{ url: 'https://cdn.example.com/many.js', text: code }],
      NONE,
    );
    expect(result.used).toHaveLength(CSP_COVERAGE_LIMITS.references);
    expect(result.truncated).toBe(true);
  });
});
