import { describe, expect, it } from 'vitest';
import { EDGE_FIXTURES } from './fixtures';
import { EdgeSignatureSchema, type EdgeKind } from './signature-schema';
import { SIGNATURES } from './signatures';

const patterns = SIGNATURES.flatMap((s) =>
  s.match.flatMap((p) => [
    ...(p.body ?? []),
    ...(p.headers ?? []).map((h) => h.pattern),
    ...(p.location ? [p.location] : []),
    ...(p.host ? [p.host] : []),
  ]),
);

// Where a kind may sit in the table: generic default pages last, so a platform's own page wins.
const RANK: Record<EdgeKind, number> = {
  tunnel: 0,
  'bot-protection': 1,
  'access-login': 2,
  'deployment-protection': 2,
  'password-protection': 2,
  'platform-auth': 2,
  'api-gateway': 3,
  waf: 4,
  'sleeping-host': 5,
  'crashed-host': 5,
  'default-page': 5,
};

describe('edge signature table', () => {
  it.each(SIGNATURES.map((s) => [s.id, s]))('%s is a valid row', (_id, signature) => {
    expect(EdgeSignatureSchema.safeParse(signature).error).toBeUndefined();
  });

  it('ids are unique', () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists kinds from the most specific to the generic default pages', () => {
    const ranks = SIGNATURES.map((s) => RANK[s.kind]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(SIGNATURES.slice(-5).every((s) => s.kind === 'default-page')).toBe(true);
  });

  it('every pattern is free of unbounded repetition (no *, +, or {n,})', () => {
    const unbounded = patterns.filter((r) => /(^|[^\\])[*+]|\{\d+,\}/.test(r.source));
    expect(unbounded.map(String)).toEqual([]);
  });

  it('every signature has a fixture that names it', () => {
    const named = new Set(EDGE_FIXTURES.map((f) => f.expect?.signature));
    expect(SIGNATURES.map((s) => s.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it('the schema rejects a pattern that names an edge by status alone, or a stateful regexp', () => {
    const row = { ...SIGNATURES[0], match: [{ status: [503] }] };
    expect(EdgeSignatureSchema.safeParse(row).success).toBe(false);
    const sticky = { ...SIGNATURES[0], match: [{ body: [/x/g] }] };
    expect(EdgeSignatureSchema.safeParse(sticky).success).toBe(false);
    const quote = { ...SIGNATURES[0], match: [{ body: [/x/], quote: 'location' }] };
    expect(EdgeSignatureSchema.safeParse(quote).success).toBe(false);
  });
});
