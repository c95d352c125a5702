import { describe, expect, it } from 'vitest';
import { jsLoads } from './js-origins';
import { lineStarts } from './source-excerpt';

const run = (code: string, url: string | null = null) =>
  jsLoads(code, {
    label: url ?? 'inline #1',
    url,
    line: 1,
    column: 1,
    file: code,
    fileLines: lineStarts(code),
  });
const found = (code: string, url: string | null = null) =>
  run(code, url).loads.map((l) => [l.ref, l.kind, l.via, l.source.line, l.source.column]);

describe('jsLoads', () => {
  it.each<[string, string, unknown[][]]>([
    [
      'fetch with a literal',
      `fetch('https://api.example.com/a')`,
      [['https://api.example.com/a', 'connect', 'fetch', 1, 7]],
    ],
    [
      'window.fetch and a Request',
      `window.fetch(new Request("https://api.example.com/r"))`,
      [['https://api.example.com/r', 'connect', 'fetch', 1, 26]],
    ],
    [
      'a template literal with a static origin',
      'fetch(`https://api.example.com/items/${id}`)',
      [['https://api.example.com/items/', 'connect', 'fetch', 1, 7]],
    ],
    [
      'a constant and concatenation',
      `const BASE = 'https://api.example.com';\nfetch(BASE + '/x')`,
      [['https://api.example.com/x', 'connect', 'fetch', 2, 7]],
    ],
    [
      'a constant interpolated first',
      'const B = "https://api.example.com";\nfetch(`${B}/v1/${p}`)',
      [['https://api.example.com/v1/', 'connect', 'fetch', 2, 7]],
    ],
    [
      'XMLHttpRequest.open',
      `const x = new XMLHttpRequest();\nx.open('GET', 'https://data.example.com/q', true)`,
      [['https://data.example.com/q', 'connect', 'xhr', 2, 15]],
    ],
    [
      'a WebSocket',
      `new WebSocket('wss://live.example.com/s')`,
      [['wss://live.example.com/s', 'connect', 'websocket', 1, 15]],
    ],
    [
      'an EventSource',
      `new EventSource('https://sse.example.com/e')`,
      [['https://sse.example.com/e', 'connect', 'eventsource', 1, 17]],
    ],
    [
      'a beacon',
      `navigator.sendBeacon('https://m.example.com/b', data)`,
      [['https://m.example.com/b', 'connect', 'beacon', 1, 22]],
    ],
    [
      'a dynamic import',
      `import('https://esm.example.org/lib.js')`,
      [['https://esm.example.org/lib.js', 'resource', 'import', 1, 8]],
    ],
    [
      'static imports and re-exports',
      `import a from 'https://esm.example.org/a.js';\nexport * from 'https://esm.example.org/b.js';`,
      [
        ['https://esm.example.org/a.js', 'resource', 'import', 1, 15],
        ['https://esm.example.org/b.js', 'resource', 'import', 2, 15],
      ],
    ],
    [
      'src assignments: an iframe is a frame',
      `const frame = document.createElement('iframe'); frame.src = 'https://embed.example.com/v';\nimg.src = 'https://img.example.com/p.png'`,
      [
        ['https://embed.example.com/v', 'frame', 'src-assignment', 1, 61],
        ['https://img.example.com/p.png', 'resource', 'src-assignment', 2, 11],
      ],
    ],
    [
      'setAttribute("src")',
      `s.setAttribute('src', 'https://cdn.example.com/x.js')`,
      [['https://cdn.example.com/x.js', 'resource', 'src-assignment', 1, 23]],
    ],
    [
      'a URL computed at run time',
      `fetch(window.openai.toolOutput.endpoint)`,
      [[null, 'connect', 'fetch', 1, 7]],
    ],
  ])('finds %s', (_, code, expected) => {
    expect(found(code)).toEqual(expected);
  });

  it.each([
    [
      'URLs in comments and source-map comments',
      `// fetch('https://a.example.com')\n/* new WebSocket('wss://b.example.com') */\n//# sourceMappingURL=https://c.example.com/x.map`,
    ],
    [
      'string constants that nothing loads',
      `const DOCS = 'https://docs.example.com'; const label = \`see \${DOCS}\`;`,
    ],
    ['the SVG namespace', `document.createElementNS('http://www.w3.org/2000/svg', 'svg')`],
    [
      'navigation is not a load',
      `window.open('https://www.example.com'); location.href = 'https://www.example.com/x'`,
    ],
    ['a method named open that is not XHR', `dialog.open('https://www.example.com')`],
  ])('ignores %s', (_, code) => {
    expect(found(code)).toEqual([]);
  });

  it('does not resolve a name declared twice (scopes are not tracked)', () => {
    expect(
      found(
        `const u = 'https://a.example.com';\nfunction f(){ const u = 'https://b.example.com'; fetch(u) }`,
      ),
    ).toEqual([[null, 'connect', 'fetch', 2, 50]]);
  });

  it('resolves new URL(path, import.meta.url) against the module', () => {
    expect(
      found(
        `new Worker(new URL('./w.js', import.meta.url))`,
        'https://cdn.example.com/app/main.js',
      ),
    ).toEqual([['https://cdn.example.com/app/w.js', 'resource', 'worker', 1, 12]]);
  });

  it('gives imports the module URL as their base', () => {
    const [load] = run(`import './chunk.js'`, 'https://cdn.example.com/app/main.js').loads;
    expect(load?.base).toBe('https://cdn.example.com/app/main.js');
  });

  it('reads a script that does not parse with the tolerant parser and says where it failed', () => {
    const result = run(
      `fetch('https://api.example.com/a');\nfunction broken( {\nfetch('https://api.example.com/b');`,
    );
    expect(result.loads.map((l) => l.ref)).toEqual([
      'https://api.example.com/a',
      'https://api.example.com/b',
    ]);
    // `{` opens a parameter pattern, so the parser stops at the `(` after the next `fetch`.
    expect(result.parseError).toEqual({ message: 'Unexpected token', line: 3, column: 6 });
  });

  it('shows a bounded excerpt of a minified line', () => {
    const code = `${'var a=1;'.repeat(100)}fetch("https://api.example.com/x");${'var b=2;'.repeat(100)}`;
    const column = code.indexOf('"https') + 1;
    const [load] = run(code).loads;
    expect(load?.source.column).toBe(column);
    expect(load?.source.excerpt).toBe(`…${code.slice(column - 61, column + 59)}…`);
  });
});
