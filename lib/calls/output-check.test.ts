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

  test('a catastrophic pattern over many strings stops at the deadline', () => {
    const schema = { type: 'array', items: { type: 'string', pattern: '^(a+)+$' } };
    // Each string takes a few ms to reject; thousands of them would take far longer than the deadline.
    const strings = Array.from({ length: 5_000 }, () => `${'a'.repeat(18)}!`);
    const started = performance.now();
    const check = checkOutput(
      { type: 'object', properties: { s: schema } },
      { content: [], structuredContent: { s: strings } },
    );
    expect(check?.verdict).toBe('not-checked');
    expect(check?.message).toMatch(/took longer than/);
    expect(performance.now() - started).toBeLessThan(5_000);
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
