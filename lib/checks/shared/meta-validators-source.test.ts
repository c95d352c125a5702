import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { metaValidatorSource, PRECOMPILED_DIALECTS } from './meta-validators-source';
import { compileMetaValidator, DIALECTS } from './tool-schema';

/** The generated module as the bundle would run it: CommonJS after esbuild, ajv's runtime resolvable. */
function load(source: string): ValidateFunction {
  const { code } = transformSync(source, { format: 'cjs', loader: 'js' });
  const loaded = { exports: {} as { validate?: ValidateFunction } };
  new Function('module', 'exports', 'require', code)(
    loaded,
    loaded.exports,
    createRequire(import.meta.url),
  );
  if (!loaded.exports.validate) throw new Error('the generated module exports no validate');
  return loaded.exports.validate;
}

// Schemas each meta-schema accepts or rejects, covering the keywords that validators are generated
// for: types, numbers, arrays of schemas, nested definitions, `$ref`s inside the meta-schema.
const CORPUS: unknown[] = [
  { type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'] },
  { type: 'object', additionalProperties: false },
  { type: 'nope' },
  { type: ['string', 7] },
  { properties: { a: { type: 'string', minLength: -1 } } },
  { properties: { a: true, b: false } },
  { required: 'q' },
  { required: ['a', 'a'] },
  { enum: [] },
  { allOf: [] },
  { anyOf: [{ type: 'string' }, { type: 'number', multipleOf: 0 }] },
  { definitions: { a: { type: 1 } } },
  { $defs: { a: { $ref: 7 } } },
  { items: [{ type: 'string' }], additionalItems: { type: 'number' } },
  { prefixItems: [{ type: 'string' }], items: false },
  { dependentRequired: { a: ['b', 3] } },
  { pattern: 5 },
  { const: null, default: {}, examples: 'not an array' },
  { unknownKeyword: { anything: true } },
];

describe('precompiled meta-schema validators', () => {
  it.each(PRECOMPILED_DIALECTS)(
    '%s: the standalone code judges like the validator compiled at run time',
    (name) => {
      const dialect = DIALECTS.find((d) => d.name === name);
      if (!dialect) throw new Error(name);
      const compiled = compileMetaValidator(dialect.create());
      const precompiled = load(metaValidatorSource(name));
      let rejected = 0;
      for (const schema of CORPUS) {
        const valid = compiled(schema);
        expect(precompiled(schema), JSON.stringify(schema)).toBe(valid);
        expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null);
        if (!valid) rejected += 1;
      }
      // The corpus means something in this dialect: both outcomes occur.
      expect(rejected).toBeGreaterThan(3);
      expect(rejected).toBeLessThan(CORPUS.length - 2);
    },
  );

  it('refuses a dialect it does not know', () => {
    expect(() => metaValidatorSource('draft-03' as never)).toThrow('no dialect draft-03');
  });
});
