import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, tool, transcript } from '../testing';
import check from './description';

const described = (...descriptions: unknown[]) =>
  transcript(
    listedTools(descriptions.map((description, i) => tool({ name: `t${i + 1}`, description }))),
  );

describe('tools.description', () => {
  it.each([
    {
      name: 'passes on descriptions of a useful length',
      t: described(
        'x'.repeat(20),
        'Searches the docs.  Use this when the user asks about the product.',
        'y'.repeat(1000),
      ),
      expected: {
        status: 'pass',
        code: null,
        message: 'All 3 tools have descriptions of 20–1000 characters',
      },
    },
    {
      name: 'warns on a missing description',
      t: described(undefined),
      expected: {
        status: 'fail',
        code: 'missing-description',
        severity: 'warning',
        message: '1 of 1 tool needs a better description: t1',
        evidence: ['x3'],
        items: [{ subject: 't1', detail: 'has no description', evidence: ['x3'] }],
      },
    },
    {
      name: 'warns on a short description, quoting it',
      t: described('Search', '   '),
      expected: {
        status: 'fail',
        code: 'short-description',
        severity: 'warning',
        items: [
          {
            subject: 't1',
            detail:
              'description "Search" is 6 characters; under 20 the model has little to choose by',
          },
          {
            subject: 't2',
            detail: 'description is empty; under 20 the model has little to choose by',
          },
        ],
      },
    },
    {
      name: 'warns on a very long description',
      t: described('z'.repeat(1001)),
      expected: {
        status: 'fail',
        code: 'long-description',
        severity: 'warning',
        items: [
          { detail: "description is 1,001 characters; over 1,000 crowds the model's context" },
        ],
      },
    },
    {
      name: 'fails as an error when the description is not a string, whatever else is wrong',
      t: described(undefined, { text: 'Search' }),
      expected: {
        status: 'fail',
        code: 'invalid-description',
        severity: 'error',
        message: '2 of 2 tools need better descriptions: t1, t2',
        // t1 has no description: it must not be told to make its description a plain string.
        fix: expect.not.stringContaining('plain string'),
        items: [
          { subject: 't1', detail: 'has no description' },
          {
            subject: 't2',
            detail:
              'description is an object, not a string; the MCP SDK rejects the whole tool list',
            fix: expect.stringContaining('plain string'),
          },
        ],
      },
    },
    {
      name: 'is skipped without a session',
      t: noSession(null),
      expected: {
        status: 'skipped',
        code: null,
        skip: { cause: 'blocked', owner: 'connection.initialize' },
      },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
