import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { modernRun, response, rpcError, transcript, withRefusals } from '../testing';
import check from './unknown-method';

const modern = modernRun({ legacy: false });

describe('connection.unknown-method', () => {
  it.each([
    {
      name: 'passes 404 with -32601',
      t: withRefusals(modern, { xm: rpcError(404, -32601, 'Method not found') }),
      expected: { status: 'pass' },
    },
    {
      name: 'notes a 400 with -32601',
      t: withRefusals(modern, { xm: rpcError(400, -32601, 'Method not found') }),
      expected: { status: 'fail', code: 'wrong-answer', severity: 'info', evidence: ['xm'] },
    },
    {
      name: 'notes a 404 page without a JSON-RPC error',
      t: withRefusals(modern, { xm: response(404, 'Not Found', 'text/plain') }),
      expected: {
        status: 'fail',
        code: 'wrong-answer',
        message: expect.stringContaining('no JSON-RPC error'),
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
