import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './issuer';
import { authTranscript, json, openTranscript } from './support/fixtures';

const claiming = (issuer: string) =>
  authTranscript((a) => void (json(a, 'authorization-server').issuer = issuer));

describe('auth.issuer', () => {
  it('passes when the issuer is the one discovery started from', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'pass',
      message: 'issuer https://auth.example.com',
    });
  });

  it('fails on another issuer, naming both (the SDK does not check this)', () => {
    const r = runCheck(check, claiming('https://login.example.com'));
    expect(r).toMatchObject({
      status: 'fail',
      code: 'mismatch',
      severity: 'error',
      evidence: ['x3'],
    });
    expect(r.message).toContain('https://login.example.com');
    expect(r.message).toContain('https://auth.example.com');
  });

  it('warns on a trailing-slash difference', () => {
    expect(runCheck(check, claiming('https://auth.example.com/'))).toMatchObject({
      status: 'fail',
      code: 'trailing-slash',
      severity: 'warning',
    });
  });

  it('accepts the slash difference of the legacy origin fallback', () => {
    const t = authTranscript((a) => {
      a.authorizationServer = { issuer: 'https://example.com/', source: 'legacy-origin' };
      const d = a.documents.find((x) => x.kind === 'authorization-server')!;
      d.issuer = 'https://example.com/';
      (d.json as Record<string, unknown>).issuer = 'https://example.com';
    });
    expect(runCheck(check, t).status).toBe('pass');
  });

  it('is skipped without accepted metadata', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
    expect(
      runCheck(
        check,
        authTranscript(
          (a) => void (a.documents = a.documents.filter((d) => d.kind !== 'authorization-server')),
        ),
      ).status,
    ).toBe('skipped');
  });
});
