import * as csstree from 'css-tree';
import type { Via } from './csp-schema';

/**
 * The URLs a stylesheet loads, with their positions: `@import`, `url()` in `@font-face` (fonts)
 * and every other `url()` (images, cursors, masks), all governed by the resource list. Parsed
 * with css-tree, which the project already uses (lib/widgets/html-assets.ts); that module's own
 * CSS walk keeps no positions, so this one exists for the line a finding names.
 */

export interface CssRef {
  ref: string;
  via: Via;
  /** 1-based, within `text`. */
  line: number;
  column: number;
}

const MAX_CSS_CHARS = 512 * 1024;

export function cssRefs(text: string, context: 'stylesheet' | 'declarationList'): CssRef[] {
  const out: CssRef[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(text.slice(0, MAX_CSS_CHARS), {
      context,
      positions: true,
      parseValue: true,
      parseAtrulePrelude: true,
      onParseError: () => {},
    });
  } catch {
    return out;
  }
  const push = (ref: string, via: Via, node: csstree.CssNode) =>
    out.push({ ref, via, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 1 });
  csstree.walk(ast, {
    enter(this: csstree.WalkContext, node: csstree.CssNode) {
      if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') {
        const first = node.prelude?.type === 'AtrulePrelude' ? node.prelude.children.first : null;
        if (first?.type === 'String') push(first.value, 'css-import', first);
        return;
      }
      if (node.type !== 'Url') return;
      const at = this.atrule?.name.toLowerCase();
      push(
        node.value,
        at === 'import' ? 'css-import' : at === 'font-face' ? 'font' : 'css-url',
        node,
      );
    },
  });
  return out;
}
