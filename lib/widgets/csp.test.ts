import { describe, expect, it } from 'vitest';
import type { WidgetCsp } from '@/lib/report/schema-widgets';
import { cspAllows, effectiveCsp, isValidSource, previewPolicy, sourceMatches } from './csp';

const csp = (overrides: Partial<WidgetCsp> = {}): WidgetCsp => ({
  standard: 'mcp-apps',
  key: 'ui.csp',
  source: 'content',
  connectDomains: [],
  resourceDomains: [],
  frameDomains: [],
  baseUriDomains: [],
  redirectDomains: [],
  invalid: [],
  ...overrides,
});

describe('sourceMatches (CSP Level 3 host-source matching)', () => {
  it.each([
    ['https://cdn.example.com', 'https://cdn.example.com/app.js', true],
    ['https://cdn.example.com', 'http://cdn.example.com/app.js', false],
    ['http://cdn.example.com', 'https://cdn.example.com/app.js', true],
    ['cdn.example.com', 'https://cdn.example.com/app.js', true],
    ['https://*.example.com', 'https://a.b.example.com/x', true],
    ['https://*.example.com', 'https://example.com/x', false],
    ['https://cdn.example.com', 'https://cdn.example.com:8443/x', false],
    ['https://cdn.example.com:*', 'https://cdn.example.com:8443/x', true],
    ['https://cdn.example.com/assets/', 'https://cdn.example.com/assets/app.js', true],
    ['https://cdn.example.com/assets/app.js', 'https://cdn.example.com/assets/other.js', false],
    ['https://cdn.example.com', 'https://evil-cdn.example.com/', false],
    ['http://localhost:5173', 'http://localhost:5173/src/main.js', true],
  ])('%s matches %s: %s', (source, url, expected) => {
    expect(sourceMatches(source, url)).toBe(expected);
  });

  it.each([
    '*',
    "'self'",
    'https:',
    'https://a.com; script-src *',
    'https://a.com https://b.com',
    'https://a.com\r\nx: y',
    "'unsafe-inline'",
  ])('refuses %j as a source', (source) => {
    expect(isValidSource(source)).toBe(false);
  });
});

describe('cspAllows and effectiveCsp', () => {
  it('checks frames against frameDomains and everything else against resourceDomains', () => {
    const policy = csp({
      resourceDomains: ['https://cdn.example.com'],
      frameDomains: ['https://www.youtube.com'],
    });
    expect(cspAllows(policy, 'script', 'https://cdn.example.com/a.js')).toBe(true);
    expect(cspAllows(policy, 'frame', 'https://cdn.example.com/embed')).toBe(false);
    expect(cspAllows(policy, 'frame', 'https://www.youtube.com/embed/x')).toBe(true);
    expect(cspAllows(policy, 'object', 'https://cdn.example.com/a.swf')).toBe(false);
  });

  it('prefers ui.csp for MCP Apps tools and openai/widgetCSP for Apps SDK-only tools', () => {
    const ui = csp();
    const openai = csp({ standard: 'apps-sdk', key: 'openai/widgetCSP' });
    expect(effectiveCsp([openai, ui], ['apps-sdk', 'mcp-apps'])).toBe(ui);
    expect(effectiveCsp([openai, ui], ['apps-sdk'])).toBe(openai);
    expect(effectiveCsp([ui], ['apps-sdk'])).toBe(ui);
    expect(effectiveCsp([], ['mcp-apps'])).toBeNull();
  });
});

describe('previewPolicy', () => {
  it('is the restrictive MCP Apps default without a declaration, sandboxed, framable only by the dashboard', () => {
    const { header } = previewPolicy(null, "'self'");
    expect(header).toContain("default-src 'none'");
    expect(header).toContain("script-src 'unsafe-inline';");
    expect(header).toContain("connect-src 'none'");
    expect(header).toContain("frame-src 'none'");
    expect(header).toContain("frame-ancestors 'self'");
    expect(header).toMatch(/sandbox allow-scripts$/);
    expect(header).not.toContain("'self' ");
  });

  it('adds the declared domains, and drops entries that would inject directives', () => {
    const { header, dropped } = previewPolicy(
      csp({
        resourceDomains: ['https://cdn.example.com', 'https://x.com; script-src *'],
        connectDomains: ['https://api.example.com', '*'],
      }),
      "'self'",
    );
    expect(header).toContain("script-src 'unsafe-inline' https://cdn.example.com;");
    expect(header).toContain('img-src data: https://cdn.example.com;');
    expect(header).toContain('connect-src https://api.example.com;');
    expect(dropped).toEqual(['https://x.com; script-src *', '*']);
    expect(header.split(';').filter((d) => d.trim().startsWith('script-src'))).toHaveLength(1);
  });
});
