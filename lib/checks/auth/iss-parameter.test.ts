import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './iss-parameter';
import { authTranscript, json, openTranscript } from './support/fixtures';

describe('auth.iss-parameter', () => {
  it.each([
    [true, 'pass', null],
    [undefined, 'fail', 'absent'],
    [false, 'fail', 'absent'],
  ])('authorization_response_iss_parameter_supported %s → %s', (value, status, code) => {
    const r = runCheck(
      check,
      authTranscript(
        (a) =>
          void (json(a, 'authorization-server').authorization_response_iss_parameter_supported =
            value),
      ),
    );
    expect(r).toMatchObject({ status, code });
    if (status === 'fail') expect(r).toMatchObject({ severity: 'info', evidence: ['x3'] });
  });

  it('is skipped when no authentication is required', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
  });
});
