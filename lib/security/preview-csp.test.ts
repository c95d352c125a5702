import { describe, expect, it } from 'vitest';
import { previewPolicy } from '@/lib/widgets/csp';
import { withoutOrigins } from './preview-csp';

const policy = (connect: string[], resource: string[] = []) =>
  previewPolicy(
    {
      standard: 'mcp-apps',
      key: 'ui.csp',
      source: 'content',
      connectDomains: connect,
      resourceDomains: resource,
      frameDomains: [],
      baseUriDomains: [],
      redirectDomains: [],
      invalid: [],
    },
    "'self'",
  ).header;

const directive = (header: string, name: string) =>
  header.split('; ').find((d) => d.startsWith(`${name} `));

describe('withoutOrigins', () => {
  const dashboard = ['http://localhost:3000'];

  it.each([
    'http://localhost:3000',
    'localhost:3000',
    '127.0.0.1:3000',
    'http://[::1]:3000/api/',
    'localhost:*',
    'http://localhost:3000/api/runs',
  ])('drops %s from connect-src, leaving none when it was the only source', (source) => {
    const header = withoutOrigins(policy([source]), dashboard);
    expect(directive(header, 'connect-src')).toBe("connect-src 'none'");
  });

  it('keeps the widget’s other domains, its frame-ancestors and its sandbox', () => {
    const header = withoutOrigins(
      policy(
        ['https://api.example.com', 'http://localhost:3000'],
        ['https://cdn.example.com', 'localhost:3000'],
      ),
      dashboard,
    );
    expect(directive(header, 'connect-src')).toBe('connect-src https://api.example.com');
    expect(directive(header, 'script-src')).toBe(
      "script-src 'unsafe-inline' https://cdn.example.com",
    );
    expect(directive(header, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(header).toContain('sandbox allow-scripts');
  });

  it('leaves a policy that never reaches the dashboard as it was', () => {
    const header = policy(['https://api.example.com', 'localhost:4000']);
    expect(withoutOrigins(header, dashboard)).toBe(header);
  });
});
