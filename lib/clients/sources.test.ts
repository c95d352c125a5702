import { describe, expect, it } from 'vitest';
import { CLIENT_PROFILES } from '.';
import { RuleSourceSchema } from './rule';

const rules = CLIENT_PROFILES.flatMap((p) => p.rules.map((rule) => ({ profile: p.id, rule })));

describe('client profiles', () => {
  it('covers the six clients of issue 13, each once', () => {
    expect(CLIENT_PROFILES.map((p) => p.id)).toEqual([
      'chatgpt',
      'claude',
      'vscode',
      'cursor',
      'browser',
      'generic',
    ]);
  });

  it('gives rule ids that are unique and start with their client id', () => {
    const ids = rules.map(({ rule }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { profile, rule } of rules) expect(rule.id.startsWith(`${profile}.`)).toBe(true);
  });

  it.each(rules.map(({ rule }) => [rule.id, rule] as const))(
    '%s cites an https source with an ISO date and a provenance',
    (_id, rule) => {
      expect(RuleSourceSchema.safeParse(rule.source).success).toBe(true);
      expect(rule.summary.trim()).not.toBe('');
    },
  );

  it.each([
    [
      'plain http',
      { url: 'http://example.com/docs', asOf: '2026-12-04', provenance: 'documented' },
    ],
    ['no url', { url: '', asOf: '2026-12-04', provenance: 'documented' }],
    [
      'a date that is not ISO',
      { url: 'https://example.com', asOf: 'Dec 4, 2026', provenance: 'documented' },
    ],
    ['no provenance', { url: 'https://example.com', asOf: '2026-12-04' }],
    [
      'an unknown provenance',
      { url: 'https://example.com', asOf: '2026-12-04', provenance: 'rumour' },
    ],
  ])('refuses a source with %s', (_name, source) => {
    expect(RuleSourceSchema.safeParse(source).success).toBe(false);
  });

  it('gives each profile a gate rule, so a run that saw nothing is never "works"', () => {
    for (const profile of CLIENT_PROFILES) expect(profile.rules.some((r) => r.gate)).toBe(true);
  });
});
