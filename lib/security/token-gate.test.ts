import { describe, expect, it } from 'vitest';
import { gateDecision, hasTeamAccess, safeNext, sameSecret } from './token-gate';

const base = { configuredToken: 'team-secret-1', authorization: null, cookie: undefined };

describe('gateDecision', () => {
  it('leaves the dashboard open when no token is configured', () => {
    expect(gateDecision({ ...base, configuredToken: undefined, pathname: '/api/check' })).toBe(
      'open',
    );
  });

  it.each([
    ['/api/check', null, undefined, 'unauthorized-api'],
    ['/api/check', 'Bearer wrong', undefined, 'unauthorized-api'],
    ['/api/check', 'Bearer team-secret-1', undefined, 'allowed'],
    ['/api/runs/abc', null, 'team-secret-1', 'allowed'],
    ['/', null, undefined, 'login-required'],
    ['/runs/abc', null, 'nope', 'login-required'],
    ['/runs/abc', null, 'team-secret-1', 'allowed'],
    ['/samples/healthy/mcp', null, undefined, 'open'],
    ['/.well-known/oauth-protected-resource/samples/x/mcp', null, undefined, 'open'],
    ['/login', null, undefined, 'open'],
    ['/api/login', null, undefined, 'open'],
    // The badge and status decide in their route (public monitors only, or the token).
    ['/monitors/AAAAAAAAAAAAAAAAAAAAAA/badge.svg', null, undefined, 'open'],
    ['/monitors/AAAAAAAAAAAAAAAAAAAAAA/status.json', null, undefined, 'open'],
    ['/monitors/AAAAAAAAAAAAAAAAAAAAAA', null, undefined, 'login-required'],
    ['/monitors/AAAAAAAAAAAAAAAAAAAAAA/badge.svg/x', null, undefined, 'login-required'],
    ['/api/monitors', null, undefined, 'unauthorized-api'],
  ] as const)(
    '%s with authorization %s and cookie %s → %s',
    (pathname, authorization, cookie, expected) => {
      expect(gateDecision({ ...base, pathname, authorization, cookie })).toBe(expected);
    },
  );
});

describe('hasTeamAccess', () => {
  it.each([
    [undefined, null, undefined, true],
    ['team-secret-1', null, undefined, false],
    ['team-secret-1', 'Bearer team-secret-1', undefined, true],
    ['team-secret-1', null, 'team-secret-1', true],
    ['team-secret-1', 'Bearer team-secret-2', 'nope', false],
  ] as const)(
    'token %s, authorization %s, cookie %s → %s',
    (configuredToken, authorization, cookie, expected) => {
      expect(hasTeamAccess({ configuredToken, authorization, cookie })).toBe(expected);
    },
  );
});

describe('sameSecret', () => {
  it.each([
    ['abc', 'abc', true],
    ['abd', 'abc', false],
    ['ab', 'abc', false],
    ['abcd', 'abc', false],
    ['', 'abc', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(sameSecret(a, b)).toBe(expected);
  });
});

describe('safeNext', () => {
  it.each([
    ['/runs/1', '/runs/1'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    [null, '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
