import { describe, expect, it } from 'vitest';
import { listedTools, tool, transcript } from '../testing';
import { toolEntries } from './tool-entries';
import { compileBoundNote, schemaFinding, schemaProblems, type SchemaField } from './tool-schema';

function problemsOf(schema: unknown, field: SchemaField = 'inputSchema') {
  const t = transcript(listedTools([tool({ [field]: schema })]));
  const entry = toolEntries(t)[0]!;
  return schemaProblems(t, entry, field).map((p) => [p.code, p.severity, p.detail]);
}

const object = (extra: Record<string, unknown>) => ({ type: 'object', ...extra });

describe('schemaProblems', () => {
  it.each([
    ['a plain 2020-12 object schema', object({ properties: { q: { type: 'string' } } })],
    ['a tool without arguments', object({ additionalProperties: false })],
    [
      'an explicit 2020-12 $schema',
      object({ $schema: 'https://json-schema.org/draft/2020-12/schema' }),
    ],
    [
      'draft-07 as MCP spells it',
      object({
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { a: { type: 'string' } },
      }),
    ],
    ['draft-07 over https', object({ $schema: 'https://json-schema.org/draft-07/schema' })],
    [
      '2019-09',
      object({ $schema: 'https://json-schema.org/draft/2019-09/schema', $defs: { a: {} } }),
    ],
    [
      'a local $ref',
      object({ properties: { f: { $ref: '#/$defs/F' } }, $defs: { F: { type: 'string' } } }),
    ],
    ['a valid pattern', object({ properties: { id: { type: 'string', pattern: '^[a-z]+$' } } })],
    [
      'unknown keywords and formats',
      object({ nullable: true, properties: { d: { type: 'string', format: 'made-up' } } }),
    ],
  ])('accepts %s', (_, schema) => {
    expect(problemsOf(schema)).toEqual([]);
  });

  it.each([
    ['absent', undefined, 'missing-schema', 'error', 'has no inputSchema'],
    ['null', null, 'schema-not-object', 'error', 'inputSchema is null, not a JSON Schema object'],
    [
      'an array',
      [],
      'schema-not-object',
      'error',
      'inputSchema is an array, not a JSON Schema object',
    ],
    [
      'an array schema',
      { type: 'array', items: { type: 'string' } },
      'root-not-object-type',
      'error',
      'inputSchema has type "array"; MCP requires "type": "object" at the root',
    ],
    [
      'an untyped schema',
      { properties: {} },
      'root-not-object-type',
      'error',
      'inputSchema has no type; MCP requires "type": "object" at the root',
    ],
    [
      'a keyword with a wrong value',
      object({ properties: { limit: { type: 'integer', minimum: 'one' } } }),
      'invalid-json-schema',
      'error',
      'inputSchema is not valid JSON Schema 2020-12: inputSchema/properties/limit/minimum must be number',
    ],
    [
      'a remote $ref, which is never fetched',
      object({ properties: { a: { $ref: 'https://example.com/a.json' } } }),
      'invalid-json-schema',
      'error',
      "inputSchema is not valid JSON Schema 2020-12: can't resolve reference https://example.com/a.json from id #",
    ],
    [
      'a dangling local $ref',
      object({ properties: { a: { $ref: '#/$defs/Missing' } } }),
      'invalid-json-schema',
      'error',
      "inputSchema is not valid JSON Schema 2020-12: can't resolve reference #/$defs/Missing from id #",
    ],
    [
      'a pattern that is not a regular expression',
      object({ properties: { a: { type: 'string', pattern: '(' } } }),
      'invalid-json-schema',
      'error',
      'inputSchema is not valid JSON Schema 2020-12: Invalid regular expression: /(/: Unterminated group',
    ],
    [
      'a draft-04 schema',
      object({ $schema: 'http://json-schema.org/draft-04/schema#' }),
      'unsupported-dialect',
      'warning',
      'inputSchema.$schema is a string ("http://json-schema.org/draft-04/schema#"): clients must support only JSON Schema 2020-12 and may reject other dialects',
    ],
  ])('rejects %s', (_, schema, code, severity, detail) => {
    expect(problemsOf(schema)).toEqual([[code, severity, detail]]);
  });

  it('judges a draft-07 schema by draft-07 rules', () => {
    // `items` as an array is draft-07 tuple validation; 2020-12 replaced it with prefixItems.
    const tuple = { type: 'array', items: [{ type: 'string' }] };
    expect(
      problemsOf(
        object({ $schema: 'http://json-schema.org/draft-07/schema#', properties: { t: tuple } }),
      ),
    ).toEqual([]);
    expect(problemsOf(object({ properties: { t: tuple } }))[0]?.[0]).toBe('invalid-json-schema');
  });

  it('reports what the SDK rejects that JSON Schema allows', () => {
    expect(problemsOf(object({ properties: { any: true } }))).toEqual([
      [
        'sdk-rejects-schema',
        'error',
        'inputSchema.properties.any: must be a schema object (the MCP SDK rejects the whole tool list)',
      ],
    ]);
  });

  it('accepts an absent outputSchema but judges a present one the same way', () => {
    expect(problemsOf(undefined, 'outputSchema')).toEqual([]);
    expect(problemsOf({ type: 'array' }, 'outputSchema')).toEqual([
      [
        'root-not-object-type',
        'error',
        'outputSchema has type "array"; MCP requires "type": "object" at the root',
      ],
    ]);
  });

  it('keeps tools that reuse one $id apart', () => {
    const first = object({
      $id: 'https://example.com/args',
      properties: { a: { type: 'string' } },
      $defs: { x: { $id: 'inner', type: 'string' } },
    });
    const second = object({
      $id: 'https://example.com/args',
      properties: { b: { $ref: '#/$defs/y' } },
      $defs: { y: { $id: 'inner', type: 'number' } },
    });
    const t = transcript(
      listedTools([
        tool({ name: 'a', inputSchema: first }),
        tool({ name: 'b', inputSchema: second }),
      ]),
    );
    expect(toolEntries(t).map((e) => schemaProblems(t, e, 'inputSchema'))).toEqual([[], []]);
  });
});

describe('schemaFinding', () => {
  it('folds a tool’s problems into one finding with the worst severity', () => {
    const t = transcript(
      listedTools([
        tool({
          inputSchema: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'string' },
        }),
      ]),
    );
    const finding = schemaFinding(t, toolEntries(t)[0]!, 'inputSchema');
    expect(finding).toMatchObject({ code: 'root-not-object-type', severity: 'error' });
    expect(finding?.detail).toContain('; inputSchema.$schema is');
  });
});

describe('compile bound', () => {
  const needingCompile = (i: number) =>
    object({ properties: { [`p${i}`]: { $ref: '#/$defs/F' } }, $defs: { F: { type: 'string' } } });

  it('compiles identical schemas once, so many of them stay within the bound', () => {
    const t = transcript(
      listedTools(
        Array.from({ length: 150 }, (_, i) =>
          tool({ name: `t${i}`, inputSchema: needingCompile(0) }),
        ),
      ),
    );
    for (const entry of toolEntries(t)) schemaProblems(t, entry, 'inputSchema');
    expect(compileBoundNote(t, 'inputSchema')).toBe('');
  });

  it('says so when distinct schemas pass the bound', () => {
    const t = transcript(
      listedTools(
        Array.from({ length: 103 }, (_, i) =>
          tool({ name: `t${i}`, inputSchema: needingCompile(i) }),
        ),
      ),
    );
    for (const entry of toolEntries(t)) expect(schemaProblems(t, entry, 'inputSchema')).toEqual([]);
    expect(compileBoundNote(t, 'outputSchema')).toBe('');
    expect(compileBoundNote(t, 'inputSchema')).toBe(
      ' (3 schemas past the first 100 with $ref or pattern checked against the meta-schema only)',
    );
  });
});
