import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { oneLine } from '@/lib/probe/errors';
import { REDACTED, Redactor } from '@/lib/probe/redact';

/**
 * Redaction before every cut, as properties: wherever a secret sits in a message and wherever the
 * bound falls, what is kept holds no piece of the secret (six characters or more of it). With the
 * run's redactor, a secret is known by value; without one, a credential recognizable by name
 * (`Bearer …`, `access_token=…`) is.
 */
const secret = fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/);
const filler = fc.stringMatching(/^[ a-z.:,"{}=-]{0,400}$/);

const pieces = (value: string) =>
  Array.from({ length: value.length - 5 }, (_, at) => value.slice(at, at + 6));

describe('oneLine', () => {
  test('with the run’s redactor: no piece of a secret survives the cut', () => {
    fc.assert(
      fc.property(secret, filler, filler, fc.integer({ min: 20, max: 500 }), (s, a, b, max) => {
        const redactor = new Redactor({ values: [s] });
        const line = oneLine(`${a}${s}${b}`, max, redactor);
        expect(line.length).toBeLessThanOrEqual(max);
        for (const piece of pieces(s)) expect(line).not.toContain(piece);
      }),
      { numRuns: 500 },
    );
  });

  test('without one: a bearer credential or a token parameter loses every piece', () => {
    fc.assert(
      fc.property(
        secret,
        filler,
        fc.constantFrom('Authorization: Bearer ', 'access_token=', '"refresh_token": "'),
        fc.integer({ min: 20, max: 500 }),
        (s, a, prefix, max) => {
          const line = oneLine(`${a} ${prefix}${s}" rest of the message`, max);
          for (const piece of pieces(s)) expect(line).not.toContain(piece);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('keeps a short message whole, on one line', () => {
    expect(oneLine('  HTTP 500\n  Internal\tError ', 100)).toBe('HTTP 500 Internal Error');
  });
});

describe('Redactor.text on a text cut short elsewhere', () => {
  test('removes the start of a known secret left before an ellipsis', () => {
    const redactor = new Redactor({ values: ['hdr-Secret-0123456789'] });
    expect(redactor.text('X-Team: hdr-Secret-0123…')).toBe(`X-Team: ${REDACTED}…`);
    expect(redactor.text('a hdr-S… b hdr-Secret-01… c')).toBe(`a ${REDACTED}… b ${REDACTED}… c`);
    // Fewer than four characters, or not before a cut: ordinary text.
    expect(redactor.text('x hdr… y')).toBe('x hdr… y');
    expect(redactor.text('hdr-Secret-01 is a prefix')).toBe('hdr-Secret-01 is a prefix');
  });
});
