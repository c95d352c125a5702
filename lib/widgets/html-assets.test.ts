import { describe, expect, it } from 'vitest';
import { extractAssets } from './html-assets';

describe('extractAssets', () => {
  it('finds scripts, styles, images, fonts, media and frames, resolved against <base href>', () => {
    const html = `<!doctype html><html><head>
      <base href="https://cdn.example.com/app/">
      <script type="module" src="main.js"></script>
      <link rel="stylesheet" href="//fonts.example.com/a.css">
      <link rel="preload" as="font" href="f.woff2">
      <style>@import "x.css"; @font-face { src: url(g.woff2) } body { background: url('bg.png') }</style>
      </head><body>
      <img src="a.png" srcset="a1.png 1x, a2.png 2x">
      <div style="background-image: url(http://localhost:5173/z.png)"></div>
      <video poster="p.jpg"><source src="v.mp4"></video>
      <iframe src="https://www.youtube.com/embed/x"></iframe>
      <script>inline()</script>
      <template><img src="inert.png"></template>
      <img src="data:image/png;base64,AAAA"><a href="https://example.com/page">a link is not an asset</a>
      </body></html>`;
    const summary = extractAssets(html);
    expect(summary.base).toBe('https://cdn.example.com/app/');
    expect(summary.inlineScripts).toBe(1);
    expect(summary.assets.map((a) => [a.kind, a.url, a.where])).toEqual([
      ['script', 'https://cdn.example.com/app/main.js', '<script src>'],
      ['style', 'https://fonts.example.com/a.css', '<link rel="stylesheet" href>'],
      ['font', 'https://cdn.example.com/app/f.woff2', '<link rel="preload" as="font" href>'],
      ['style', 'https://cdn.example.com/app/x.css', '@import in <style>'],
      ['font', 'https://cdn.example.com/app/g.woff2', '@font-face src in <style>'],
      ['image', 'https://cdn.example.com/app/bg.png', 'CSS url() in <style>'],
      ['image', 'https://cdn.example.com/app/a.png', '<img src>'],
      ['image', 'https://cdn.example.com/app/a1.png', '<img srcset>'],
      ['image', 'https://cdn.example.com/app/a2.png', '<img srcset>'],
      ['image', 'http://localhost:5173/z.png', 'CSS url() in a style attribute'],
      ['image', 'https://cdn.example.com/app/p.jpg', '<video poster>'],
      ['media', 'https://cdn.example.com/app/v.mp4', '<source src>'],
      ['frame', 'https://www.youtube.com/embed/x', '<iframe src>'],
    ]);
  });

  it('keeps relative references unresolved without a base, and is not fooled by tags in scripts or comments', () => {
    const summary = extractAssets(
      '<script>document.write("<script src=\\"https://evil.example/x.js\\"></scr" + "ipt>")</script><!-- <img src="https://c.example/x.png"> --><img src="/logo.png">',
    );
    expect(summary.assets).toEqual([
      { ref: '/logo.png', url: null, kind: 'image', where: '<img src>' },
    ]);
  });

  it('counts only elements written in the source', () => {
    expect(extractAssets('just text').elementCount).toBe(0);
    expect(extractAssets('<div>x</div>').elementCount).toBe(1);
  });
});
