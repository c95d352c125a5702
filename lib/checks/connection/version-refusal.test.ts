import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { modernRun, response, rpcBody, rpcError, transcript, withRefusals } from '../testing';
import check from './version-refusal';

const modern = modernRun({ legacy: true });

describe('connection.version-refusal', () => {
  it.each([
    {
      name: 'passes 400 -32022 naming the supported versions',
      t: withRefusals(modern, {
        xv: rpcError(400, -32022, 'Unsupported', {
          supported: ['2026-07-28'],
          requested: '1900-01-01',
        }),
      }),
      expected: { status: 'pass', message: expect.stringContaining('2026-07-28') },
    },
    {
      name: 'warns when -32022 names no supported version',
      t: withRefusals(modern, { xv: rpcError(400, -32022, 'Unsupported') }),
      expected: { status: 'fail', code: 'no-supported-list', evidence: ['xv'] },
    },
    {
      name: 'warns when an impossible version is accepted',
      t: withRefusals(modern, { xv: response(200, rpcBody('r', { result: {} })) }),
      expected: { status: 'fail', code: 'accepted' },
    },
    {
      name: 'warns on another refusal',
      t: withRefusals(modern, { xv: response(500, 'oops', 'text/plain') }),
      expected: { status: 'fail', code: 'wrong-refusal' },
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
