import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { previewDocument } from './preview-document';
import { decodePreviewToken, encodePreviewToken, previewNonce } from './preview-token';

const config = {
  nonce: 'n0nce',
  appsSdk: true,
  globals: { toolOutput: { text: '</script><script>alert(1)</script>\u2028' } },
};

function scripts(html: string): string[] {
  const out: string[] = [];
  const walk = (node: { nodeName: string; childNodes?: unknown[] }) => {
    if (node.nodeName === 'script')
      out.push(((node.childNodes?.[0] as { value?: string }) ?? {}).value ?? '');
    for (const child of node.childNodes ?? []) walk(child as typeof node);
  };
  walk(parse(html) as never);
  return out;
}

describe('previewDocument', () => {
  it('puts the bridge first in <head>, before every script of the widget', () => {
    const doc = previewDocument(
      '<!doctype html><html><head><script>widget()</script></head><body><p>hi</p></body></html>',
      config,
    );
    const found = scripts(doc);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain("channel: 'mcp-doctor-preview'");
    expect(found[1]).toBe('widget()');
    expect(doc).toContain('<p>hi</p>');
  });

  it('adds a head to a fragment, and keeps tool output from closing the script', () => {
    const doc = previewDocument('<div id="root"></div>', config);
    const found = scripts(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('\\u003c/script>');
    expect(found[0]).not.toContain('</script>');
    expect(found[0]).toContain('\\u2028');
  });
});

describe('preview tokens', () => {
  it('round-trips, differs per preview, and refuses anything else', () => {
    const a = encodePreviewToken({ run: 'A'.repeat(22), tool: 'show', call: null });
    const b = encodePreviewToken({ run: 'A'.repeat(22), tool: 'show', call: null });
    expect(decodePreviewToken(a)).toMatchObject({ run: 'A'.repeat(22), tool: 'show', call: null });
    expect(a).not.toBe(b);
    expect(previewNonce(a)).not.toBe(previewNonce(b));
    expect(previewNonce(a)).toBe(previewNonce(a));
    expect(decodePreviewToken('not*a*token')).toBeNull();
    expect(decodePreviewToken(Buffer.from('{"run":"x"}').toString('base64url'))).toBeNull();
  });
});
