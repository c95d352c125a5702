import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, tool, transcript } from '../testing';
import check from './name';

const named = (...names: unknown[]) => transcript(listedTools(names.map((name) => tool({ name }))));

describe('tools.name', () => {
  it.each([
    {
      name: 'passes on unique names in the allowed characters',
      t: named('getUser', 'DATA_EXPORT_v2', 'admin.tools.list', 'kebab-case'),
      expected: {
        status: 'pass',
        code: null,
        message: 'All 4 tool names are unique and well-formed',
        items: [],
      },
    },
    {
      name: 'fails on a duplicate name as an error, one item per copy',
      t: transcript(listedTools([tool(), tool({ name: 'other' }), tool()], { pageSizes: [2, 1] })),
      expected: {
        status: 'fail',
        code: 'duplicate-name',
        severity: 'error',
        message: '2 of 3 tools have name problems: search_docs',
        evidence: ['x3', 'x4'],
        items: [
          {
            subject: 'search_docs',
            detail: 'tool #1 shares its name with 1 other tool (#1, #3); clients keep only one',
            evidence: ['x3'],
          },
          {
            subject: 'search_docs',
            detail: 'tool #3 shares its name with 1 other tool (#1, #3); clients keep only one',
            evidence: ['x4'],
          },
        ],
      },
    },
    {
      name: 'fails on an empty name as an error',
      t: named('ok', ''),
      expected: {
        status: 'fail',
        code: 'empty-name',
        severity: 'error',
        items: [{ subject: 'tool #2', detail: 'has an empty name', evidence: ['x3'] }],
      },
    },
    {
      name: 'fails on a missing or non-string name as an error',
      t: named('ok', 42),
      expected: {
        status: 'fail',
        code: 'missing-name',
        severity: 'error',
        items: [{ subject: 'tool #2', detail: 'has no name (name is a number (42))' }],
      },
    },
    {
      name: 'warns on characters outside A-Z a-z 0-9 _ - .',
      t: named('get weather', 'files/read'),
      expected: {
        status: 'fail',
        code: 'invalid-name',
        severity: 'warning',
        message: '2 of 2 tools have name problems: get weather, files/read',
        items: [
          {
            subject: 'get weather',
            detail:
              '"get weather" contains spaces, which may cause parsing issues; contains invalid characters: " "',
          },
          { subject: 'files/read', detail: '"files/read" contains invalid characters: "/"' },
        ],
      },
    },
    {
      name: 'warns on a name longer than 128 characters',
      t: named('a'.repeat(129)),
      expected: {
        status: 'fail',
        code: 'invalid-name',
        severity: 'warning',
        items: [
          {
            detail: expect.stringContaining(
              'exceeds maximum length of 128 characters (current: 129)',
            ),
          },
        ],
      },
    },
    {
      name: 'reports the worst kind when names break several rules',
      t: named('get weather', 'dup', 'dup'),
      expected: {
        status: 'fail',
        code: 'duplicate-name',
        severity: 'error',
        message: '3 of 3 tools have name problems: get weather, dup',
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
