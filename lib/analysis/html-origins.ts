import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { AssetKind } from '@/lib/report/schema-widgets';
import { extractAssets } from '@/lib/widgets/html-assets';
import type { CspList, Load, Via } from './csp-schema';
import { cssRefs } from './css-origins';
import { excerptAt } from './source-excerpt';

/**
 * The loads a widget's HTML declares, with the line each is written on. What is loaded comes from
 * `extractAssets` (lib/widgets/html-assets.ts, the probe's own reading of the HTML: elements,
 * `<base href>`, srcset, inline CSS); this module parses the HTML again with parse5's source
 * locations to say where each reference is, and hands back the inline scripts (with where they
 * start) for the JavaScript analysis.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface InlineScript {
  text: string;
  line: number;
  column: number;
}

export interface HtmlLoads {
  loads: Load[];
  inlineScripts: InlineScript[];
  base: string | null;
  truncated: boolean;
}

// Script types a browser runs (HTML §4.12.1.1: no type, a JavaScript MIME type, or module).
const RUNNABLE = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

const KIND_OF: Record<AssetKind, [CspList, Via] | null> = {
  script: ['resource', 'script'],
  style: ['resource', 'style'],
  image: ['resource', 'img'],
  font: ['resource', 'font'],
  media: ['resource', 'media'],
  frame: ['frame', 'iframe'],
  // object-src is 'none' in every host's policy (SEP-1865): nothing to declare.
  object: null,
  other: ['resource', 'other'],
};

function listFor(kind: AssetKind, where: string): [CspList, Via] | null {
  // A preload for fetch() is a fetch: connect-src.
  if (where.includes('as="fetch"')) return ['connect', 'preload'];
  if (where.startsWith('@import')) return ['resource', 'css-import'];
  if (where.startsWith('CSS url()')) return ['resource', 'css-url'];
  return KIND_OF[kind];
}

interface Position {
  line: number;
  column: number;
}

/** Where each attribute value and CSS reference sits in the HTML, by the reference's text. */
function positions(html: string): { index: Map<string, Position[]>; scripts: InlineScript[] } {
  const index = new Map<string, Position[]>();
  const put = (ref: string, pos: Position) => {
    const key = ref.trim();
    const list = index.get(key);
    if (list) list.push(pos);
    else index.set(key, [pos]);
  };
  const scripts: InlineScript[] = [];
  const document = parse(html, { sourceCodeLocationInfo: true });
  const walkNode = (node: Node) => {
    if ('tagName' in node) visit(node);
    if ('childNodes' in node && node.nodeName !== 'template') node.childNodes.forEach(walkNode);
  };
  const visit = (el: Element) => {
    const loc = el.sourceCodeLocation;
    for (const attr of el.attrs) {
      const at = loc?.attrs?.[attr.name];
      if (!at) continue;
      const pos = { line: at.startLine, column: at.startCol };
      if (attr.name === 'style')
        for (const ref of cssRefs(attr.value, 'declarationList')) put(ref.ref, pos);
      else if (attr.name === 'srcset')
        for (const candidate of attr.value.split(','))
          put(candidate.trim().split(/\s+/)[0] ?? '', pos);
      else put(attr.value, pos);
    }
    const text = el.childNodes[0];
    const textLoc = text?.sourceCodeLocation;
    if (!text || !('value' in text) || !textLoc) return;
    if (el.tagName === 'style')
      for (const ref of cssRefs(text.value, 'stylesheet'))
        put(ref.ref, {
          line: textLoc.startLine + ref.line - 1,
          column: ref.line === 1 ? textLoc.startCol + ref.column - 1 : ref.column,
        });
    const type = el.attrs.find((a) => a.name === 'type')?.value.trim() ?? '';
    if (el.tagName === 'script' && !el.attrs.some((a) => a.name === 'src') && RUNNABLE.test(type))
      scripts.push({ text: text.value, line: textLoc.startLine, column: textLoc.startCol });
  };
  walkNode(document);
  return { index, scripts };
}

export function htmlLoads(html: string, fileLines: number[]): HtmlLoads {
  const summary = extractAssets(html);
  const { index, scripts } = positions(html);
  const loads: Load[] = [];
  for (const asset of summary.assets) {
    const list = listFor(asset.kind, asset.where);
    if (!list) continue;
    // The first place the reference is written that no earlier asset took; else its first place.
    const candidates = index.get(asset.ref.trim()) ?? [];
    const pos = (candidates.length > 1 ? candidates.shift() : candidates[0]) ?? {
      line: 1,
      column: 1,
    };
    loads.push({
      ref: asset.url ?? asset.ref,
      base: null,
      kind: list[0],
      via: list[1],
      source: {
        script: 'html',
        line: pos.line,
        column: pos.column,
        excerpt: excerptAt(html, fileLines, pos.line, pos.column),
      },
    });
  }
  return { loads, inlineScripts: scripts, base: summary.base, truncated: summary.truncated };
}
