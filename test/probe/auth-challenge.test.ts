import { describe, expect, it } from 'vitest';
import { authorizationServerUrls, wellKnownResourceUrls } from '@/lib/probe/oauth/discovery';
import { parseWwwAuthenticate, readChallenge } from '@/lib/probe/oauth/www-authenticate';

describe('parseWwwAuthenticate (RFC 9110 §11.6.1)', () => {
  it.each([
    ['Bearer', [{ scheme: 'Bearer', params: {}, token68: null }]],
    [
      'Bearer resource_metadata="https://x.test/.well-known/oauth-protected-resource", scope="a b"',
      [
        {
          scheme: 'Bearer',
          params: {
            resource_metadata: 'https://x.test/.well-known/oauth-protected-resource',
            scope: 'a b',
          },
          token68: null,
        },
      ],
    ],
    // Names are case-insensitive, the first of a repeated one counts, unquoted values are tokens.
    [
      'Bearer Error=invalid_token, error=other',
      [{ scheme: 'Bearer', params: { error: 'invalid_token' }, token68: null }],
    ],
    [
      'Bearer realm="a \\"quoted\\" realm"',
      [{ scheme: 'Bearer', params: { realm: 'a "quoted" realm' }, token68: null }],
    ],
    [
      'Basic realm="x", Bearer resource_metadata="https://x.test/m"',
      [
        { scheme: 'Basic', params: { realm: 'x' }, token68: null },
        { scheme: 'Bearer', params: { resource_metadata: 'https://x.test/m' }, token68: null },
      ],
    ],
    [
      'Negotiate abc123==, Bearer',
      [
        { scheme: 'Negotiate', params: {}, token68: 'abc123==' },
        { scheme: 'Bearer', params: {}, token68: null },
      ],
    ],
    ['', []],
  ])('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  it('bounds what a hostile header can make it keep', () => {
    const many = `Bearer ${Array.from({ length: 100 }, (_, i) => `p${i}="${'v'.repeat(5000)}"`).join(', ')}`;
    const [bearer] = parseWwwAuthenticate(many);
    expect(Object.keys(bearer?.params ?? {}).length).toBeLessThanOrEqual(20);
    expect(
      Math.max(...Object.values(bearer?.params ?? {}).map((v) => v.length)),
    ).toBeLessThanOrEqual(1024);
  });
});

describe('readChallenge', () => {
  it('reads the Bearer fields and shows where the SDK’s reading differs', () => {
    const c = readChallenge({
      exchangeId: 'x1',
      status: 401,
      withCredentials: false,
      header:
        'Basic realm="x", Bearer resource_metadata="https://x.test/m", error="invalid_token", error_description="expired"',
    });
    expect(c.bearer).toEqual({
      resourceMetadata: 'https://x.test/m',
      scope: null,
      error: 'invalid_token',
      errorDescription: 'expired',
    });
    // The SDK only looks at a header that starts with Bearer.
    expect(c.sdk).toEqual({ resourceMetadataUrl: null, scope: null, error: null });
  });

  it('records an absent header as such', () => {
    expect(
      readChallenge({ exchangeId: null, status: 401, withCredentials: true, header: null }),
    ).toMatchObject({ header: null, challenges: [], bearer: null });
  });
});

describe('discovery URLs', () => {
  it('inserts the MCP path for protected resource metadata, then the root; one URL at the root', () => {
    expect(
      wellKnownResourceUrls(new URL('https://x.test/public/mcp?tenant=1')).map((c) => [
        c.form,
        c.url,
      ]),
    ).toEqual([
      ['path-inserted', 'https://x.test/.well-known/oauth-protected-resource/public/mcp?tenant=1'],
      ['root', 'https://x.test/.well-known/oauth-protected-resource'],
    ]);
    expect(wellKnownResourceUrls(new URL('https://x.test/')).map((c) => c.form)).toEqual(['root']);
  });

  it('follows the spec’s order for issuers with and without a path', () => {
    expect(
      authorizationServerUrls('https://auth.test/tenant1').map((c) => [c.form, c.url]),
    ).toEqual([
      ['oauth-inserted', 'https://auth.test/.well-known/oauth-authorization-server/tenant1'],
      ['oidc-inserted', 'https://auth.test/.well-known/openid-configuration/tenant1'],
      ['oidc-appended', 'https://auth.test/tenant1/.well-known/openid-configuration'],
    ]);
    expect(authorizationServerUrls('https://auth.test').map((c) => [c.form, c.url])).toEqual([
      ['oauth', 'https://auth.test/.well-known/oauth-authorization-server'],
      ['oidc', 'https://auth.test/.well-known/openid-configuration'],
    ]);
  });
});
