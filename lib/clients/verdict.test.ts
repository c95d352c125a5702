import { describe, expect, it } from 'vitest';
import { CLIENT_PROFILES } from '.';
import type { ClientFacts } from './facts';
import {
  blocked,
  defineRule,
  degraded,
  ok,
  unknown,
  type ClientProfile,
  type RuleOutcome,
} from './rule';
import { facts } from './testing';
import { verdict } from './verdict';

const SOURCE = {
  url: 'https://example.com/docs',
  asOf: '2026-12-04',
  provenance: 'documented',
} as const;

/** A profile whose rules answer fixed outcomes, to test the verdict alone. */
function profile(...rules: [RuleOutcome | (() => RuleOutcome), boolean][]): ClientProfile {
  return {
    id: 'test',
    name: 'Test client',
    rules: rules.map(([outcome, gate], i) =>
      defineRule({
        id: `test.rule-${i}`,
        summary: 'A fixed outcome.',
        source: SOURCE,
        gate,
        evaluate: typeof outcome === 'function' ? outcome : () => outcome,
      }),
    ),
  };
}

describe('verdict', () => {
  it.each([
    {
      name: 'every rule ok',
      rules: [
        [ok('a'), true],
        [ok('b'), false],
      ],
      expected: 'works',
    },
    {
      name: 'one block among oks',
      rules: [
        [ok('a'), true],
        [blocked('b'), false],
      ],
      expected: 'blocked',
    },
    {
      name: 'a block beats a degradation',
      rules: [
        [degraded('a'), false],
        [blocked('b'), false],
      ],
      expected: 'blocked',
    },
    {
      name: 'a degradation beats an undecided gate',
      rules: [
        [unknown('a'), true],
        [degraded('b'), false],
      ],
      expected: 'degraded',
    },
    {
      name: 'an undecided gate',
      rules: [
        [unknown('a'), true],
        [ok('b'), false],
      ],
      expected: 'unknown',
    },
    {
      name: 'an undecided non-gate rule',
      rules: [
        [ok('a'), true],
        [unknown('b'), false],
      ],
      expected: 'works',
    },
    {
      name: 'a gate undecided only because sign-in was not passed',
      rules: [
        [unknown('a', {}, { afterSignIn: true }), true],
        [ok('b'), true],
      ],
      expected: 'works',
    },
  ] as { name: string; rules: [RuleOutcome, boolean][]; expected: string }[])(
    '$name → $expected',
    ({ rules, expected }) => {
      expect(verdict(facts(), profile(...rules)).verdict).toBe(expected);
    },
  );

  it('lists every rule once, blocks first, with its source and proof', () => {
    const result = verdict(
      facts(),
      profile(
        [ok('fine'), true],
        [unknown('unseen'), false],
        [blocked('refused', { check: 'auth.pkce', exchanges: ['x3', 'x3'] }), false],
      ),
    );
    expect(result).toMatchObject({ id: 'test', name: 'Test client', verdict: 'blocked' });
    expect(result.reasons.map((r) => [r.rule, r.outcome])).toEqual([
      ['test.rule-2', 'blocked'],
      ['test.rule-1', 'unknown'],
      ['test.rule-0', 'ok'],
    ]);
    expect(result.reasons[0]).toEqual({
      rule: 'test.rule-2',
      outcome: 'blocked',
      message: 'refused',
      check: 'auth.pkce',
      evidence: ['x3'],
      source: SOURCE,
    });
  });

  it('turns a rule that throws into an undecided reason, never a pass', () => {
    const result = verdict(
      facts(),
      profile([
        () => {
          throw new Error('boom');
        },
        true,
      ]),
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reasons[0]?.message).toContain('boom');
  });

  it('answers unknown for every client when the run saw nothing', () => {
    const nothing = facts((f) => {
      for (const key of Object.keys(f) as (keyof ClientFacts)[]) {
        if (key !== 'auth') f[key] = { value: null, evidence: { exchanges: [] } } as never;
      }
      for (const key of Object.keys(f.auth) as (keyof ClientFacts['auth'])[]) {
        f.auth[key] = { value: null, evidence: { exchanges: [] } } as never;
      }
    });
    for (const p of CLIENT_PROFILES)
      expect([p.id, verdict(nothing, p).verdict]).toEqual([p.id, 'unknown']);
  });
});
