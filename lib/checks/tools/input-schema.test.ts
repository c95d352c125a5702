import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, tool, transcript } from '../testing';
import check from './input-schema';

const withSchemas = (...schemas: unknown[]) =>
  transcript(
    listedTools(
      schemas.map((inputSchema, i) => tool({ name: `t${i + 1}`, inputSchema })),
      { pageSizes: [1, schemas.length - 1] },
    ),
  );

const valid = { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] };

describe('tools.input-schema', () => {
  it.each([
    {
      name: 'passes on valid object schemas, with and without arguments',
      t: withSchemas(
        valid,
        { type: 'object', additionalProperties: false },
        { $schema: 'http://json-schema.org/draft-07/schema#', ...valid },
      ),
      expected: {
        status: 'pass',
        code: null,
        message: 'All 3 input schemas are valid object schemas',
        items: [],
      },
    },
    {
      name: 'fails when the root is not an object schema, naming the type seen',
      t: withSchemas(valid, { type: 'array', items: { type: 'string' } }),
      expected: {
        status: 'fail',
        code: 'root-not-object-type',
        severity: 'error',
        message: '1 of 2 tools has an invalid input schema: t2',
        evidence: ['x4'],
        fix: expect.stringContaining('"type": "object" at the root'),
        items: [
          {
            subject: 't2',
            detail: 'inputSchema has type "array"; MCP requires "type": "object" at the root',
            evidence: ['x4'],
          },
        ],
      },
    },
    {
      name: 'fails with the compiler’s message when the schema is not valid JSON Schema',
      t: withSchemas(
        { type: 'object', properties: { limit: { type: 'integer', minimum: 'one' } } },
        valid,
      ),
      expected: {
        status: 'fail',
        code: 'invalid-json-schema',
        severity: 'error',
        evidence: ['x3'],
        items: [
          {
            subject: 't1',
            detail:
              'inputSchema is not valid JSON Schema 2020-12: inputSchema/properties/limit/minimum must be number',
          },
        ],
      },
    },
    {
      name: 'fails when a tool has no input schema, before any other kind',
      t: withSchemas(undefined, { type: 'string' }),
      expected: {
        status: 'fail',
        code: 'missing-schema',
        severity: 'error',
        message: '2 of 2 tools have invalid input schemas: t1, t2',
        items: [{ subject: 't1', detail: 'has no inputSchema' }, { subject: 't2' }],
      },
    },
    {
      name: 'only warns about a dialect clients need not support',
      t: withSchemas({ $schema: 'http://json-schema.org/draft-04/schema#', ...valid }),
      expected: {
        status: 'fail',
        code: 'unsupported-dialect',
        severity: 'warning',
        fix: expect.stringContaining('Drop $schema'),
      },
    },
    {
      name: 'takes the worst severity across tools',
      t: withSchemas({ $schema: 'http://json-schema.org/draft-04/schema#', ...valid }, null),
      expected: {
        status: 'fail',
        code: 'schema-not-object',
        severity: 'error',
        items: [
          { subject: 't1', detail: expect.stringContaining('draft-04') },
          { subject: 't2', detail: 'inputSchema is null, not a JSON Schema object' },
        ],
      },
    },
    {
      name: 'is skipped without tools',
      t: transcript(listedTools([])),
      expected: { status: 'skipped', code: null, message: 'skipped: the server lists no tools' },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
