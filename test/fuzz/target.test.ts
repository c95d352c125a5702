import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCheckInput, parseCheckQuery } from '@/lib/api/check-input';
import { LIMITS } from '@/lib/probe/limits';
import { parseTarget } from '@/lib/probe/target';
import { anyHeaders, anyString, badUrl, loopbackUrl, safeJson, validHeaders } from './arbitraries';

/**
 * The target parser and the check input built on it, as pure functions: whatever arrives, they
 * answer (never throw), a refusal names the problem in a line, and every well-formed input is
 * taken, with the URL, headers, token and budget the probe will use. Only parsing here: nothing
 * is sent anywhere.
 */
const PORT = 9;
const RUNS = { numRuns: 300 };

const validInput = fc.record(
  {
    url: loopbackUrl(PORT),
    headers: validHeaders,
    token: fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,60}$/),
    timeoutMs: fc.integer({ min: LIMITS.minRunTimeoutMs, max: LIMITS.maxRunTimeoutMs }),
    checkRedirectUri: fc.boolean(),
  },
  { requiredKeys: ['url'] },
);

const anyInput = fc.oneof(
  safeJson,
  fc.record(
    {
      url: fc.oneof(loopbackUrl(PORT), badUrl, safeJson),
      headers: anyHeaders,
      token: fc.oneof(anyString, safeJson),
      timeoutMs: fc.oneof(fc.integer(), fc.double(), anyString),
      strict: fc.oneof(fc.boolean(), fc.constantFrom('1', '0', 'true', 'false', 'yes'), safeJson),
      checkRedirectUri: safeJson,
      extra: safeJson,
    },
    { requiredKeys: [] },
  ),
);

function expectOneLineRefusal(result: { ok: false; message: string }) {
  expect(result.message.trim().length).toBeGreaterThan(0);
  expect(result.message.length).toBeLessThan(2_000);
}

describe('parseTarget', () => {
  test('never throws; a refusal is a message, an acceptance an http(s) URL', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = parseTarget(input);
        if (!result.ok) return expectOneLineRefusal(result);
        expect(['http:', 'https:']).toContain(result.target.url.protocol);
        expect(result.target.timeoutMs).toBeGreaterThanOrEqual(LIMITS.minRunTimeoutMs);
        expect(result.target.timeoutMs).toBeLessThanOrEqual(LIMITS.maxRunTimeoutMs);
        for (const value of Object.values(result.target.headers))
          expect(value).not.toMatch(/[\r\n\0]/);
      }),
      RUNS,
    );
  });

  test('takes every well-formed target as given', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const result = parseTarget(input);
        expect(result.ok, !result.ok ? result.message : '').toBe(true);
        if (!result.ok) return;
        expect(result.target.url.href).toBe(new URL(input.url).href);
        expect(result.target.headers).toEqual(input.headers ?? {});
        expect(result.target.token).toBe(input.token ?? null);
        expect(result.target.timeoutMs).toBe(input.timeoutMs ?? LIMITS.runTimeoutMs);
      }),
      RUNS,
    );
  });

  test('refuses every URL that is not an absolute http(s) URL', () => {
    fc.assert(
      fc.property(badUrl, (url) => {
        const result = parseTarget({ url });
        expect(result.ok).toBe(false);
        if (!result.ok) expectOneLineRefusal(result);
      }),
      RUNS,
    );
  });
});

describe('check input (JSON body and query string)', () => {
  test('the body parser never throws and takes every well-formed body', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, validInput), (input) => {
        const result = parseCheckInput(input);
        if (!result.ok) expectOneLineRefusal(result);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        validInput,
        fc.constantFrom(true, false, '1', '0', 'true', 'false'),
        (input, strict) => {
          const result = parseCheckInput({ ...input, strict });
          expect(result).toMatchObject({
            ok: true,
            options: { strict: strict === true || strict === '1' || strict === 'true' },
          });
        },
      ),
      RUNS,
    );
  });

  test('the query parser never throws, and refuses headers, tokens and repeats', () => {
    const params = fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('url', 'strict', 'timeoutMs', 'token', 'headers'), anyString),
        fc.oneof(anyString, loopbackUrl(PORT)),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(params, (pairs) => {
        const search = new URLSearchParams(pairs);
        const result = parseCheckQuery(search);
        const names = pairs.map(([name]) => name);
        if (!result.ok) return expectOneLineRefusal(result);
        expect(names).not.toContain('token');
        expect(names).not.toContain('headers');
        expect(new Set(names).size).toBe(names.length);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        loopbackUrl(PORT),
        fc.integer({ min: LIMITS.minRunTimeoutMs, max: LIMITS.maxRunTimeoutMs }),
        (url, timeoutMs) => {
          const result = parseCheckQuery(
            new URLSearchParams({ url, timeoutMs: String(timeoutMs), strict: '1' }),
          );
          expect(result).toMatchObject({
            ok: true,
            options: { strict: true },
            target: { timeoutMs },
          });
        },
      ),
      RUNS,
    );
  });
});
