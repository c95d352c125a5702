import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { DISCOVER_RESULT, modernRun, transcript } from '../testing';
import check from './discover';

describe('connection.discover', () => {
  it.each([
    {
      name: 'passes a complete DiscoverResult, naming the server and its versions',
      t: modernRun({ legacy: false }),
      expected: {
        status: 'pass',
        message: 'server/discover answered: example, versions 2026-07-28',
      },
    },
    {
      name: 'fails a result the SDK would refuse, naming the field',
      t: modernRun({ legacy: false, discover: { ...DISCOVER_RESULT, supportedVersions: 'all' } }),
      expected: {
        status: 'fail',
        code: 'invalid-result',
        evidence: ['xd'],
        message: expect.stringContaining('supportedVersions'),
      },
    },
    {
      name: 'warns when the server does not name itself',
      t: modernRun({ legacy: true, discover: { ...DISCOVER_RESULT, _meta: {} } }),
      expected: { status: 'fail', code: 'no-server-info', severity: 'warning' },
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
