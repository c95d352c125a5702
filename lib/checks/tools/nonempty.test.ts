import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, tool, transcript } from '../testing';
import check from './nonempty';

describe('tools.nonempty', () => {
  it.each([
    {
      name: 'passes with one tool',
      t: transcript(),
      expected: { status: 'pass', code: null, message: '1 tool listed', evidence: [] },
    },
    {
      name: 'passes with tools across pages',
      t: transcript(listedTools([tool({ name: 'a' }), tool({ name: 'b' })], { pageSizes: [1, 1] })),
      expected: { status: 'pass', message: '2 tools listed' },
    },
    {
      name: 'fails on an empty list, pointing at every page',
      t: transcript(listedTools([], { pageSizes: [0, 0] })),
      expected: { status: 'fail', code: 'no-tools', severity: 'error', evidence: ['x3', 'x4'] },
    },
    {
      name: 'is skipped when tools/list failed',
      t: transcript({
        tools: [],
        listing: {
          pages: [
            {
              cursor: null,
              nextCursor: null,
              count: 0,
              exchangeId: 'x3',
              durationMs: 5,
              error: { code: 'timeout', message: 'timed out' },
            },
          ],
          stoppedEarly: null,
          relist: null,
        },
      }),
      expected: { status: 'skipped', code: null, skip: { cause: 'blocked', owner: 'tools.list' } },
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
