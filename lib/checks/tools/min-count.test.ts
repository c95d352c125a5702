import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { listedTools, noSession, response, tool, transcript, withRequest } from '../testing';
import check from './min-count';

const threeTools = transcript(
  listedTools([tool({ name: 'search' }), tool({ name: 'fetch' }), tool({ name: 'save' })]),
);

describe('tools.min-count', () => {
  it('does not apply without a minimum', () => {
    expect(runCheck(check, threeTools).skip?.cause).toBe('not-applicable');
  });

  it('fails below the minimum and passes at it', () => {
    expect(runCheck(check, withRequest(threeTools, { minTools: 4 }))).toMatchObject({
      status: 'fail',
      code: 'too-few-tools',
      message: '3 tools listed; at least 4 expected.',
      evidence: ['x3'],
    });
    expect(runCheck(check, withRequest(threeTools, { minTools: 3 })).status).toBe('pass');
  });

  it('is blocked, not passed, when tools/list never ran', () => {
    const result = runCheck(
      check,
      withRequest(noSession(response(404, 'Not Found', 'text/plain')), { minTools: 1 }),
    );
    expect(result).toMatchObject({ status: 'skipped', skip: { cause: 'blocked' } });
  });
});
