import {
  defaultTreeAdapter,
  html as htmlSpec,
  parse,
  serialize,
  type DefaultTreeAdapterMap,
} from 'parse5';
import { bridgeScript, type BridgeConfig } from './preview-bridge';

type Element = DefaultTreeAdapterMap['element'];

/**
 * The widget's HTML with the preview bridge as the very first script of `<head>`, so it runs before
 * anything the widget ships. Parsed and serialised with parse5, as a browser would parse it (the
 * parser supplies `<html>` and `<head>` when the template leaves them out).
 */
export function previewDocument(widgetHtml: string, config: BridgeConfig): string {
  const document = parse(widgetHtml);
  const root = document.childNodes.find(
    (n): n is Element => 'tagName' in n && n.tagName === 'html',
  );
  const head = root?.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'head');
  if (!head) return `<!doctype html><script>${bridgeScript(config)}</script>${widgetHtml}`;
  const script = defaultTreeAdapter.createElement('script', htmlSpec.NS.HTML, []);
  defaultTreeAdapter.insertText(script, bridgeScript(config));
  const first = head.childNodes[0];
  if (first) defaultTreeAdapter.insertBefore(head, script, first);
  else defaultTreeAdapter.appendChild(head, script);
  return serialize(document);
}
