import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { DISCOVER_RESULT, exchange, modernRun, response, rpcBody, transcript } from '../testing';
import check from './cache-hints';

const listed = (result: Record<string, unknown>) =>
  modernRun(
    { legacy: false },
    {
      exchanges: [
        ...modernRun({ legacy: false }).exchanges.filter((x) => x.id !== 'x3'),
        exchange({
          id: 'x3',
          step: 'tools',
          era: 'modern',
          rpc: { method: 'tools/list', id: 1 },
          response: response(200, rpcBody(1, { result: { tools: [], ...result } })),
        }),
      ],
    },
  );

describe('connection.cache-hints', () => {
  it.each([
    {
      name: 'passes results that carry resultType, ttlMs and cacheScope',
      t: listed({ resultType: 'complete', ttlMs: 0, cacheScope: 'private' }),
      expected: { status: 'pass', message: '2 cacheable results carry valid ttlMs and cacheScope' },
    },
    {
      name: 'warns on a negative ttlMs and an unknown scope, naming the method',
      t: listed({ resultType: 'complete', ttlMs: -5, cacheScope: 'everyone' }),
      expected: {
        status: 'fail',
        code: 'invalid-hints',
        evidence: ['x3'],
        items: [
          {
            subject: 'tools/list',
            detail:
              'ttlMs is -5, not an integer ≥ 0; cacheScope is "everyone", not "public" or "private"',
            evidence: ['x3'],
          },
        ],
      },
    },
    {
      name: 'warns on missing hints on server/discover',
      t: modernRun({
        legacy: true,
        discover: { ...DISCOVER_RESULT, ttlMs: undefined, resultType: undefined },
      }),
      expected: {
        status: 'fail',
        code: 'invalid-hints',
        message: expect.stringMatching(/^server\/discover: resultType is absent/),
      },
    },
    {
      name: 'does not apply to a 2025-only server',
      t: transcript(),
      expected: { status: 'skipped', skip: { cause: 'not-applicable' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
