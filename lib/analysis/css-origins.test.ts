import { describe, expect, it } from 'vitest';
import { cssRefs } from './css-origins';

describe('cssRefs', () => {
  it('finds @import, fonts and url() with their positions', () => {
    const css = `@import "https://a.example.com/base.css";\n@font-face {\n  src: url(https://f.example.com/x.woff2);\n}\n.a { background: url('img/b.png') }`;
    expect(cssRefs(css, 'stylesheet')).toEqual([
      { ref: 'https://a.example.com/base.css', via: 'css-import', line: 1, column: 9 },
      { ref: 'https://f.example.com/x.woff2', via: 'font', line: 3, column: 8 },
      { ref: 'img/b.png', via: 'css-url', line: 5, column: 18 },
    ]);
  });

  it('reads a declaration list (a style attribute) and survives broken CSS', () => {
    expect(cssRefs('color: red; background: url(/x.png)', 'declarationList')).toEqual([
      { ref: '/x.png', via: 'css-url', line: 1, column: 25 },
    ]);
    expect(
      cssRefs('a { b: url(https://x.example.com/y.png) ', 'stylesheet').map((r) => r.ref),
    ).toEqual(['https://x.example.com/y.png']);
  });
});
