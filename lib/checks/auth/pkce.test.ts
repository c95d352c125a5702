import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './pkce';
import { authTranscript, json, openTranscript } from './support/fixtures';

describe('auth.pkce', () => {
  it.each([
    [['S256'], 'pass', null],
    [['plain', 'S256'], 'pass', null],
    [undefined, 'fail', 'absent'],
    [['plain'], 'fail', 'no-s256'],
    [[], 'fail', 'no-s256'],
  ])('code_challenge_methods_supported %j → %s %s', (methods, status, code) => {
    const r = runCheck(
      check,
      authTranscript(
        (a) => void (json(a, 'authorization-server').code_challenge_methods_supported = methods),
      ),
    );
    expect(r).toMatchObject({ status, code });
    if (status === 'fail') expect(r).toMatchObject({ severity: 'error', evidence: ['x3'] });
  });

  it('says the SDK proceeds when the field is absent', () => {
    const r = runCheck(
      check,
      authTranscript(
        (a) => void delete json(a, 'authorization-server').code_challenge_methods_supported,
      ),
    );
    expect(r.message).toContain('MCP SDK goes on anyway');
  });

  it('is skipped when there is nothing to judge', () => {
    expect(runCheck(check, openTranscript()).message).toBe('no authentication required');
  });
});
