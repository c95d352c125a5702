import * as csstree from 'css-tree';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { AssetKind } from '@/lib/report/schema-widgets';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** An external resource a widget's HTML makes the browser load, before the probe resolves or fetches it. */
export interface AssetRef {
  ref: string;
  /** Absolute URL, resolved against `<base href>` when there is one; null when relative with no base. */
  url: string | null;
  kind: AssetKind;
  where: string;
}

export interface HtmlSummary {
  /** Elements written in the source (not the html/head/body the parser adds to any text). */
  elementCount: number;
  /** Inline `<script>` elements (no `src`): the widget's own code. */
  inlineScripts: number;
  assets: AssetRef[];
  /** The `<base href>` the references were resolved against. */
  base: string | null;
  /** More references than the bound; the rest were not listed. */
  truncated: boolean;
}

const MAX_REFS = 100;
const MAX_REF_CHARS = 500;

// `<link rel=preload as=…>` destinations (HTML §4.6.7.14 "as" attribute) mapped to our kinds.
const PRELOAD_AS: Record<string, AssetKind> = {
  script: 'script',
  style: 'style',
  image: 'image',
  font: 'font',
  audio: 'media',
  video: 'media',
  track: 'media',
  document: 'frame',
  fetch: 'other',
};

const attr = (el: Element, name: string): string | null =>
  el.attrs.find((a) => a.name === name)?.value ?? null;

/** Not something the browser fetches from a server (or something already inline). */
function isInline(ref: string): boolean {
  const lower = ref.trim().toLowerCase();
  return (
    lower === '' || lower.startsWith('#') || /^(data|blob|about|javascript|mailto|tel):/.test(lower)
  );
}

/** `srcset` candidates (HTML §4.8.4.3.10): comma-separated, each a URL then an optional descriptor. */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,\s+|,(?=\S+\s+\d)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/**
 * Every external resource a widget's HTML references — scripts, stylesheets, images, fonts, media,
 * frames — found with a spec-compliant HTML parser (parse5) and, for inline CSS, a CSS parser
 * (css-tree): `@import`, `url()` and `@font-face` sources. Pure; the probe fetches what this finds.
 */
export function extractAssets(html: string): HtmlSummary {
  // With source locations, elements the parser synthesised (html, head, body) are told apart.
  const document = parse(html, { sourceCodeLocationInfo: true });
  const elements: Element[] = [];
  let elementCount = 0;
  const walk = (node: Node) => {
    if ('tagName' in node) {
      elements.push(node);
      if (node.sourceCodeLocation) elementCount++;
    }
    // `<template>` content is inert; its references load only if a script clones it.
    if ('childNodes' in node && node.nodeName !== 'template') node.childNodes.forEach(walk);
  };
  walk(document);

  const baseHref =
    elements
      .filter((e) => e.tagName === 'base')
      .map((e) => attr(e, 'href'))
      .find((h) => h !== null) ?? null;
  let base: string | null = null;
  if (baseHref) {
    try {
      const parsed = new URL(baseHref);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') base = parsed.href;
    } catch {
      // A relative <base> resolves against the sandbox origin: nothing to resolve against here.
    }
  }

  const assets: AssetRef[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const add = (rawRef: string, kind: AssetKind, where: string) => {
    if (isInline(rawRef)) return;
    const ref = rawRef.trim().slice(0, MAX_REF_CHARS);
    let url: string | null = null;
    try {
      // Protocol-relative references take the host page's scheme, which is https in ChatGPT.
      url = new URL(ref, base ?? (ref.startsWith('//') ? 'https:' : undefined)).href;
    } catch {
      url = null;
    }
    const key = `${kind} ${url ?? ref}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (assets.length >= MAX_REFS) {
      truncated = true;
      return;
    }
    assets.push({ ref, url, kind, where });
  };

  let inlineScripts = 0;
  for (const el of elements) {
    const tag = el.tagName;
    switch (tag) {
      case 'script': {
        const src = attr(el, 'src');
        if (src !== null) add(src, 'script', '<script src>');
        else inlineScripts++;
        break;
      }
      case 'link': {
        const href = attr(el, 'href');
        if (href === null) break;
        const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('stylesheet')) add(href, 'style', '<link rel="stylesheet" href>');
        else if (rel.includes('modulepreload'))
          add(href, 'script', '<link rel="modulepreload" href>');
        else if (rel.includes('preload')) {
          const as = (attr(el, 'as') ?? '').toLowerCase();
          add(href, PRELOAD_AS[as] ?? 'other', `<link rel="preload" as="${as.slice(0, 20)}" href>`);
        } else if (rel.some((r) => r === 'icon' || r === 'apple-touch-icon'))
          add(href, 'image', '<link rel="icon" href>');
        else if (rel.includes('manifest')) add(href, 'other', '<link rel="manifest" href>');
        break;
      }
      case 'img':
      case 'source':
      case 'video':
      case 'audio':
      case 'track': {
        const kind: AssetKind =
          tag === 'img' ||
          (tag === 'source' &&
            el.parentNode &&
            'tagName' in el.parentNode &&
            el.parentNode.tagName === 'picture')
            ? 'image'
            : 'media';
        const src = attr(el, 'src');
        if (src !== null) add(src, kind, `<${tag} src>`);
        const srcset = attr(el, 'srcset');
        if (srcset !== null) for (const u of srcsetUrls(srcset)) add(u, 'image', `<${tag} srcset>`);
        const poster = tag === 'video' ? attr(el, 'poster') : null;
        if (poster !== null) add(poster, 'image', '<video poster>');
        break;
      }
      case 'iframe':
      case 'frame': {
        const src = attr(el, 'src');
        if (src !== null) add(src, 'frame', `<${tag} src>`);
        break;
      }
      case 'embed': {
        const src = attr(el, 'src');
        if (src !== null) add(src, 'object', '<embed src>');
        break;
      }
      case 'object': {
        const data = attr(el, 'data');
        if (data !== null) add(data, 'object', '<object data>');
        break;
      }
      case 'input': {
        const src = attr(el, 'src');
        if (src !== null && (attr(el, 'type') ?? '').toLowerCase() === 'image')
          add(src, 'image', '<input type="image" src>');
        break;
      }
      case 'image':
      case 'use': {
        // SVG: href (or xlink:href, which parse5 exposes as `href` with the xlink prefix).
        const href = attr(el, 'href');
        if (href !== null && !href.startsWith('#')) add(href, 'image', `<svg ${tag} href>`);
        break;
      }
      case 'style': {
        const text = el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
        for (const found of cssRefs(text, 'stylesheet'))
          add(found.ref, found.kind, `${found.where} in <style>`);
        break;
      }
    }
    const style = attr(el, 'style');
    if (style !== null)
      for (const found of cssRefs(style, 'declarationList'))
        add(found.ref, found.kind, `${found.where} in a style attribute`);
  }

  return { elementCount, inlineScripts, assets, base, truncated };
}

/** `@import` targets and `url()` references in CSS; `url()` inside `@font-face` is a font. */
function cssRefs(
  text: string,
  context: 'stylesheet' | 'declarationList',
): { ref: string; kind: AssetKind; where: string }[] {
  const out: { ref: string; kind: AssetKind; where: string }[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(text.slice(0, 512 * 1024), {
      context,
      parseValue: true,
      parseAtrulePrelude: true,
      onParseError: () => {},
    });
  } catch {
    return out;
  }
  csstree.walk(ast, {
    enter(this: csstree.WalkContext, node: csstree.CssNode) {
      if (
        node.type === 'Atrule' &&
        node.name.toLowerCase() === 'import' &&
        node.prelude &&
        node.prelude.type === 'AtrulePrelude'
      ) {
        const first = node.prelude.children.first;
        if (first?.type === 'String')
          out.push({ ref: first.value, kind: 'style', where: '@import' });
        return;
      }
      if (node.type === 'Url') {
        if (this.atrule?.name.toLowerCase() === 'import')
          out.push({ ref: node.value, kind: 'style', where: '@import' });
        else if (this.atrule?.name.toLowerCase() === 'font-face')
          out.push({ ref: node.value, kind: 'font', where: '@font-face src' });
        else out.push({ ref: node.value, kind: 'image', where: 'CSS url()' });
      }
    },
  });
  return out;
}
