import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, tool, transcript } from '../testing';
import check from './annotations';

const annotated = (...annotations: unknown[]) =>
  transcript(listedTools(annotations.map((a, i) => tool({ name: `t${i + 1}`, annotations: a }))));

describe('tools.annotations', () => {
  it.each([
    {
      name: 'passes when every tool says whether it is read-only',
      t: annotated({ readOnlyHint: true }, { readOnlyHint: false, destructiveHint: true }),
      expected: {
        status: 'pass',
        code: null,
        message: 'All 2 tools declare readOnlyHint (1 read-only)',
      },
    },
    {
      name: 'is info when readOnlyHint is absent, saying what ChatGPT will do',
      t: annotated({ readOnlyHint: true }, undefined, { openWorldHint: true }),
      expected: {
        status: 'fail',
        code: 'no-read-only-hint',
        severity: 'info',
        message: '2 of 3 tools have no readOnlyHint: t2, t3',
        evidence: ['x3'],
        fix: expect.stringContaining('annotations: { readOnlyHint: true }'),
        items: [
          {
            subject: 't2',
            detail:
              'has no readOnlyHint: ChatGPT will treat t2 as a write action and ask the user to confirm',
            evidence: ['x3'],
          },
          {
            subject: 't3',
            detail:
              'has no readOnlyHint: ChatGPT will treat t3 as a write action and ask the user to confirm',
          },
        ],
      },
    },
    {
      name: 'warns on a read-only tool marked destructive',
      t: annotated({ readOnlyHint: true, destructiveHint: true }, undefined),
      expected: {
        status: 'fail',
        code: 'read-only-and-destructive',
        severity: 'warning',
        message: '2 of 2 tools have annotations to fix: t1, t2',
        // Each tool gets the fix of its own finding; the check's fix stays the general one.
        fix: expect.stringContaining('annotations: { readOnlyHint: true }'),
        items: [
          {
            subject: 't1',
            detail: expect.stringContaining(
              'sets both readOnlyHint: true and destructiveHint: true',
            ),
            fix: expect.stringContaining('drop destructiveHint: true'),
          },
          { subject: 't2' },
        ],
      },
    },
    {
      name: 'fails as an error on annotations the SDK rejects',
      t: annotated({ readOnlyHint: 'yes' }, 'read-only'),
      expected: {
        status: 'fail',
        code: 'invalid-annotations',
        severity: 'error',
        items: [
          {
            subject: 't1',
            detail: 'annotations.readOnlyHint is a string ("yes"); expected boolean',
          },
          { subject: 't2', detail: 'annotations is a string ("read-only"), not an object' },
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
