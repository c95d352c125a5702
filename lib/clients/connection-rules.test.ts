import { describe, expect, it } from 'vitest';
import { eraRule, transportRule, type ModernSupport } from './connection-rules';
import type { ClientFacts } from './facts';
import { facts, signIn } from './testing';

const target = {
  client: { id: 'x', name: 'X' },
  source: { url: 'https://example.com', asOf: '2026-12-04', provenance: 'documented' },
} as const;

describe('eraRule', () => {
  const era = (modern: ModernSupport, change: (f: ClientFacts) => void) => {
    const outcome = eraRule({ ...target, modern }).evaluate(facts(change));
    return [outcome.outcome, outcome.afterSignIn ?? false];
  };
  it.each([
    { name: 'a session opened', modern: 'no', change: () => {}, expected: ['ok', false] },
    {
      name: 'a recorded dual-era server',
      modern: 'no',
      change: (f: ClientFacts) => {
        f.handshake.value = 'auth-required';
        f.era.value = 'dual';
      },
      expected: ['ok', false],
    },
    {
      name: 'modern-only, a client that does not speak it',
      modern: 'no',
      change: (f: ClientFacts) => {
        f.handshake.value = 'modern-only';
      },
      expected: ['blocked', false],
    },
    {
      name: 'modern-only, a client that speaks it',
      modern: 'yes',
      change: (f: ClientFacts) => {
        f.handshake.value = 'modern-only';
      },
      expected: ['ok', false],
    },
    {
      name: 'modern-only, support not published',
      modern: 'unknown',
      change: (f: ClientFacts) => {
        f.handshake.value = 'modern-only';
      },
      expected: ['unknown', false],
    },
    {
      name: 'a recorded modern era behind sign-in',
      modern: 'no',
      change: (f: ClientFacts) => {
        signIn(f);
        f.era.value = 'modern';
      },
      expected: ['blocked', false],
    },
    {
      name: 'behind sign-in, era not recorded',
      modern: 'unknown',
      change: (f: ClientFacts) => signIn(f),
      expected: ['unknown', true],
    },
    {
      name: 'no handshake seen',
      modern: 'unknown',
      change: (f: ClientFacts) => {
        f.handshake.value = null;
      },
      expected: ['unknown', false],
    },
  ] as const)('$name → $expected', ({ modern, change, expected }) => {
    expect(era(modern, change)).toEqual(expected);
  });
});

describe('transportRule', () => {
  it.each([
    { answered: ['streamable-http'], speaks: ['streamable-http'], expected: 'ok' },
    { answered: ['sse'], speaks: ['streamable-http', 'sse'], expected: 'ok' },
    { answered: ['sse'], speaks: ['streamable-http'], expected: 'blocked' },
    { answered: [], speaks: ['streamable-http'], expected: 'unknown' },
  ] as const)('answers $answered, speaks $speaks → $expected', ({ answered, speaks, expected }) => {
    const rule = transportRule({ ...target, speaks });
    expect(
      rule.evaluate(
        facts((f) => {
          f.transports.value = [...answered];
        }),
      ).outcome,
    ).toBe(expected);
  });
});
