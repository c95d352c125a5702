import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './scopes';
import { authTranscript, json, openTranscript } from './support/fixtures';

describe('auth.scopes', () => {
  it('passes with the protected resource’s scopes, else the authorization server’s', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'pass',
      message: 'scopes_supported: files:read',
    });
    const fromServer = runCheck(
      check,
      authTranscript((a) => void delete json(a, 'protected-resource').scopes_supported),
    );
    expect(fromServer).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('authorization server'),
    });
  });

  it('notes (info) when neither document lists scopes, with both documents as evidence', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        delete json(a, 'protected-resource').scopes_supported;
        delete json(a, 'authorization-server').scopes_supported;
      }),
    );
    expect(r).toMatchObject({
      status: 'fail',
      code: 'none',
      severity: 'info',
      evidence: ['x2', 'x3'],
    });
    expect(r.message).toContain('scope="files:read"');
  });

  it('is skipped without any accepted document', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
    expect(
      runCheck(
        check,
        authTranscript((a) => void (a.documents = [])),
      ).status,
    ).toBe('skipped');
  });
});
