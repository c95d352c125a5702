import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, tool, transcript } from '../testing';
import check from './output-schema';

const results = {
  type: 'object',
  properties: { results: { type: 'array', items: { type: 'string' } } },
};

describe('tools.output-schema', () => {
  it.each([
    {
      name: 'passes on valid object output schemas',
      t: transcript(listedTools([tool({ outputSchema: results }), tool({ name: 'plain' })])),
      expected: {
        status: 'pass',
        code: null,
        message: 'The output schema is a valid object schema',
      },
    },
    {
      name: 'fails when an output schema is not an object schema',
      t: transcript(
        listedTools([tool({ name: 'plain' }), tool({ outputSchema: { type: 'array' } })]),
      ),
      expected: {
        status: 'fail',
        code: 'root-not-object-type',
        severity: 'error',
        message: '1 of 2 tools has an invalid output schema: search_docs',
        evidence: ['x3'],
        fix: expect.stringContaining('structuredContent is always a JSON object'),
        items: [
          {
            subject: 'search_docs',
            detail: 'outputSchema has type "array"; MCP requires "type": "object" at the root',
          },
        ],
      },
    },
    {
      name: 'fails when an output schema is null or does not compile',
      t: transcript(
        listedTools([
          tool({ name: 'a', outputSchema: null }),
          tool({
            name: 'b',
            outputSchema: { type: 'object', properties: { r: { $ref: '#/$defs/R' } } },
          }),
        ]),
      ),
      expected: {
        status: 'fail',
        code: 'schema-not-object',
        items: [
          { subject: 'a', detail: 'outputSchema is null, not a JSON Schema object' },
          {
            subject: 'b',
            detail:
              "outputSchema is not valid JSON Schema 2020-12: can't resolve reference #/$defs/R from id #",
          },
        ],
      },
    },
    {
      name: 'is skipped when no tool declares one',
      t: transcript(),
      expected: {
        status: 'skipped',
        code: null,
        message: 'skipped: no tool declares an outputSchema',
      },
    },
    {
      name: 'is skipped without a session',
      t: noSession(null),
      expected: { status: 'skipped', skip: { cause: 'blocked', owner: 'connection.initialize' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
