import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { modernRun, response, rpcBody, rpcError, transcript, withRefusals } from '../testing';
import check from './header-validation';

const modern = modernRun({ legacy: false });

describe('connection.header-validation', () => {
  it.each([
    {
      name: 'passes a 400 with -32020 HeaderMismatch',
      t: withRefusals(modern, { xh: rpcError(400, -32020, 'Header mismatch') }),
      expected: { status: 'pass' },
    },
    {
      name: 'warns when the contradicting header is accepted',
      t: withRefusals(modern, {
        xh: response(200, rpcBody('r', { result: { supportedVersions: ['2026-07-28'] } })),
      }),
      expected: { status: 'fail', code: 'accepted', severity: 'warning', evidence: ['xh'] },
    },
    {
      name: 'notes a refusal with another error',
      t: withRefusals(modern, { xh: rpcError(400, -32600, 'Invalid request') }),
      expected: { status: 'fail', code: 'wrong-refusal', severity: 'info' },
    },
    {
      name: 'does not apply to a 2025-only server',
      t: transcript(),
      expected: { status: 'skipped', skip: { cause: 'not-applicable' } },
    },
    {
      name: 'is blocked when the probe was not sent',
      t: modern,
      expected: { status: 'skipped', skip: { cause: 'blocked', owner: 'connection.latency' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
