import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/report/schema';
import { apiKeyRequest, credentialsInQuery, guardedMetadata } from './credentials';
import { edgeFixture, fixtureExchange } from './fixtures';

const exchange = (name: string, url?: string): Exchange => {
  const fixture = edgeFixture(name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixtureExchange(fixture, url);
};

const answer = (status: number, headers: [string, string][], body: string): Exchange => {
  const x = exchange('api-key-401');
  return {
    ...x,
    response: {
      status,
      statusText: '',
      headers,
      body: { text: body, bytes: body.length, truncated: false },
    },
  };
};

describe('credentialsInQuery', () => {
  it.each([
    ['https://mcp.example.com/mcp?api_key=sk_live_4f1c2d3e', ['api_key']],
    ['https://mcp.example.com/mcp?token=abc', ['token']],
    ['https://mcp.example.com/mcp?access_token=[redacted]', ['access_token']],
    ['https://acme.supabase.co/functions/v1/brain?key=7f3a9c1e5b2d8f4a', ['key']],
    ['https://mcp.example.com/mcp?x-brain-key=7f3a9c1e5b2d8f4a', ['x-brain-key']],
    ['https://mcp.example.com/mcp?GITHUB_TOKEN=ghp_x', ['GITHUB_TOKEN']],
    ['https://mcp.example.com/mcp?sig=AbCdEf0123456789%2Bxyz%3D', ['sig']],
    [
      'https://app.vercel.app/mcp?x-vercel-protection-bypass=s3cr3t',
      ['x-vercel-protection-bypass'],
    ],
    ['https://mcp.example.com/mcp?apikey=a&apikey=b', ['apikey']],
    // As the recorder stores them: the value is gone, the name still says what it was.
    ['https://acme.supabase.co/functions/v1/brain?key=[redacted]', ['key']],
    ['https://mcp.example.com/mcp?brain_key=[redacted]&page=2', ['brain_key']],
  ])('%s → %j', (url, names) => {
    expect(credentialsInQuery(url)).toEqual(names);
  });

  it.each([
    'https://mcp.example.com/mcp',
    'https://mcp.example.com/mcp?key=3', // a short key is a lookup, not a secret
    'https://mcp.example.com/mcp?auth=oauth',
    'https://mcp.example.com/mcp?page_token=eyJvZmZzZXQiOjIwfQ',
    'https://mcp.example.com/mcp?public_key=pk_live_4f1c2d3e5a6b',
    'https://mcp.example.com/mcp?monkey=1234567890abcdef',
    'https://mcp.example.com/mcp?keyword=authentication%20token%20setup',
    'https://mcp.example.com/mcp?token=',
    'not a url',
  ])('%s → none', (url) => {
    expect(credentialsInQuery(url)).toEqual([]);
  });
});

describe('apiKeyRequest', () => {
  it('quotes the body line of a 401 that asks for an access key (OB1#340)', () => {
    expect(apiKeyRequest(exchange('api-key-401'))).toEqual({
      kind: 'body',
      text: '{"error":"Invalid or missing access key."}',
    });
  });

  it.each([
    [403, '{"message":"Missing API key"}', '{"message":"Missing API key"}'],
    [
      401,
      'Unauthorized\nPass your key in the x-api-key header.',
      'Pass your key in the x-api-key header.',
    ],
    [401, '{"detail":"API key is invalid"}', '{"detail":"API key is invalid"}'],
  ])('%i %j → quotes %j', (status, body, line) => {
    expect(apiKeyRequest(answer(status, [], body))?.text).toBe(line);
  });

  it('quotes a WWW-Authenticate key scheme', () => {
    expect(apiKeyRequest(answer(401, [['www-authenticate', 'ApiKey realm="mcp"']], ''))).toEqual({
      kind: 'header',
      text: 'www-authenticate: ApiKey realm="mcp"',
    });
  });

  it('a Bearer challenge is the OAuth path, not an API-key request', () => {
    expect(apiKeyRequest(exchange('bearer-challenge'))).toBeNull();
    const listed = answer(
      401,
      [['www-authenticate', 'ApiKey realm="mcp", Bearer realm="mcp"']],
      'Missing API key',
    );
    expect(apiKeyRequest(listed)).toBeNull();
  });

  it('ignores other statuses and 401s that do not ask for a key', () => {
    expect(apiKeyRequest(answer(400, [], 'Missing API key'))).toBeNull();
    expect(apiKeyRequest(answer(401, [], '{"error":"Unauthorized"}'))).toBeNull();
    expect(apiKeyRequest({ ...exchange('api-key-401'), response: null })).toBeNull();
  });
});

describe('guardedMetadata', () => {
  const PRM = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

  it('a protected resource metadata read refused by API Gateway names the gateway', () => {
    const guarded = guardedMetadata(exchange('aws-api-gateway-missing-token', PRM));
    expect(guarded?.document).toBe('protected-resource');
    expect(guarded?.evidence).toEqual({ kind: 'status', text: 'HTTP 403 Forbidden' });
    expect(guarded?.edge?.signature.id).toBe('aws-api-gateway-missing-token');
  });

  it.each([
    ['https://auth.example.com/.well-known/oauth-authorization-server', 'authorization-server'],
    [
      'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
      'authorization-server',
    ],
    ['https://login.example.com/tenant1/.well-known/openid-configuration', 'openid-configuration'],
    [PRM, 'protected-resource'],
  ])('%s refused by the server itself → %s, no edge', (url, document) => {
    const guarded = guardedMetadata(exchange('api-key-401', url));
    expect(guarded?.document).toBe(document);
    expect(guarded?.edge).toBeNull();
  });

  it('reads an advertised resource_metadata URL of any path as the document the caller names', () => {
    const advertised = 'https://mcp.example.com/meta/resource.json';
    expect(guardedMetadata(exchange('api-key-401', advertised))).toBeNull();
    expect(
      guardedMetadata(exchange('api-key-401', advertised), 'protected-resource')?.document,
    ).toBe('protected-resource');
  });

  it('ignores public metadata, other paths and other statuses', () => {
    expect(guardedMetadata(exchange('healthy-mcp-json', PRM))).toBeNull();
    expect(guardedMetadata(exchange('api-key-401', 'https://mcp.example.com/mcp'))).toBeNull();
    expect(guardedMetadata(exchange('nginx-error-page', PRM))).toBeNull();
  });
});
