import { describe, expect, test } from 'vitest';
import { MAX_OUTPUT_ERRORS } from '@/lib/report/schema-calls';
import { checkOutput, MAX_OUTPUT_SCHEMA_CHARS } from './output-check';

const ORDER = {
  type: 'object',
  properties: { id: { type: 'string' }, total: { type: 'number', minimum: 0 } },
  required: ['id', 'total'],
  additionalProperties: false,
};

describe('checkOutput', () => {
  test('valid structuredContent', () => {
    expect(checkOutput(ORDER, { content: [], structuredContent: { id: 'A1', total: 3 } })).toEqual({
      verdict: 'valid',
      message: 'structuredContent conforms to the outputSchema.',
      errors: [],
      moreErrors: 0,
    });
  });

  test('invalid structuredContent: every Ajv error with its instancePath', () => {
    const check = checkOutput(ORDER, {
      content: [],
      structuredContent: { id: 7, total: -1, extra: true },
    });
    expect(check?.verdict).toBe('invalid');
    expect(check?.errors).toEqual(
      expect.arrayContaining([
        { instancePath: '/id', message: 'must be string' },
        { instancePath: '/total', message: 'must be >= 0' },
        { instancePath: '', message: 'must NOT have additional properties (extra)' },
      ]),
    );
  });

  test('errors are capped, and the rest counted', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`p${i}`, { type: 'string' }]),
    );
    const structuredContent = Object.fromEntries(Object.keys(properties).map((k) => [k, 1]));
    const check = checkOutput({ type: 'object', properties }, { content: [], structuredContent });
    expect(check?.errors).toHaveLength(MAX_OUTPUT_ERRORS);
    expect(check?.moreErrors).toBe(30 - MAX_OUTPUT_ERRORS);
  });

  test('no outputSchema; missing structuredContent; an error result; no result', () => {
    expect(checkOutput(undefined, { content: [] })?.verdict).toBe('no-output-schema');
    expect(checkOutput(undefined, { content: [], structuredContent: {} })?.verdict).toBe(
      'no-output-schema',
    );
    expect(checkOutput(ORDER, { content: [] })?.verdict).toBe('missing-structured-content');
    expect(checkOutput(ORDER, { content: [], isError: true })?.verdict).toBe('not-checked');
    expect(checkOutput(ORDER, null)).toBeNull();
  });

  test('hostile or broken schemas are not-checked, never thrown', () => {
    const result = { content: [], structuredContent: { a: 'x' } };
    const cases: unknown[] = [
      'not a schema',
      { $ref: 'https://example.com/remote.json' },
      { type: 'object', properties: { a: { type: 'string', pattern: '(' } } },
      { $schema: 'https://example.com/my-dialect', type: 'object' },
      { type: 'object', description: 'x'.repeat(MAX_OUTPUT_SCHEMA_CHARS + 1) },
    ];
    for (const schema of cases) {
      const check = checkOutput(schema, result);
      expect(check?.verdict, JSON.stringify(schema).slice(0, 80)).toBe('not-checked');
      expect(check?.message).not.toBe('');
    }
    // Deeply nested: no stack overflow escapes.
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 5_000; i++) deep = { type: 'object', properties: { a: deep } };
    expect(() => checkOutput(deep, result)).not.toThrow();
  });

  test('whatever makes the check slow stops at the deadline, and the next check runs afresh', () => {
    let nested: unknown[] = [];
    for (let i = 0; i < 40; i++) nested = [nested];
    // Both branches fail only at the innermost array, so each level tries both: 2^40 paths.
    const nesting = {
      anyOf: [
        { type: 'array', items: { $ref: '#/$defs/n' } },
        { type: 'array', items: { $ref: '#/$defs/n' } },
      ],
      not: {},
    };
    // Each would take minutes to hours unbounded; a broken deadline answers valid or invalid instead.
    const slow: [string, Record<string, unknown>, unknown][] = [
      [
        'a pattern tested on thousands of strings',
        { type: 'array', items: { type: 'string', pattern: '^(a+)+$' } },
        Array.from({ length: 5_000 }, () => `${'a'.repeat(18)}!`),
      ],
      [
        'one test of a pattern that backtracks',
        { type: 'string', pattern: '^(a+)+$' },
        `${'a'.repeat(40)}!`,
      ],
      [
        'uniqueItems over a long array of objects',
        { type: 'array', uniqueItems: true },
        Array.from({ length: 200_000 }, (_, i) => ({ i })),
      ],
      ['recursion through anyOf', { $ref: '#/$defs/n' }, nested],
    ];
    for (const [what, schema, value] of slow) {
      const check = checkOutput(
        { type: 'object', properties: { v: schema }, $defs: { n: nesting } },
        { content: [], structuredContent: { v: value } },
      );
      expect(check?.verdict, what).toBe('not-checked');
      expect(check?.message, what).toMatch(/took longer than 1000 ms and was stopped/);
    }
    expect(checkOutput(ORDER, { structuredContent: { id: 'a', total: 1 } })?.verdict).toBe('valid');
    // uniqueItems still judges arrays it has the time for.
    const duplicated = checkOutput(
      { type: 'object', properties: { v: { type: 'array', uniqueItems: true } } },
      { structuredContent: { v: [{ i: 1 }, { i: 2 }, { i: 1 }] } },
    );
    expect(duplicated?.verdict).toBe('invalid');
    expect(duplicated?.errors[0]?.message).toMatch(/duplicate items/);
  });

  test('one tool’s $id does not leak into the next check', () => {
    const withId = { $id: 'https://example.com/order', ...ORDER };
    expect(checkOutput(withId, { structuredContent: { id: 'a', total: 1 } })?.verdict).toBe(
      'valid',
    );
    expect(
      checkOutput(
        { $id: 'https://example.com/order', type: 'object', required: ['other'] },
        { structuredContent: { id: 'a', total: 1 } },
      )?.verdict,
    ).toBe('invalid');
  });
});
