import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './endpoints';
import { authTranscript, json, openTranscript } from './support/fixtures';

const withFields = (fields: Record<string, unknown>) =>
  authTranscript((a) => void Object.assign(json(a, 'authorization-server'), fields));

describe('auth.endpoints', () => {
  it('passes with https endpoints, and with http on loopback', () => {
    expect(runCheck(check, authTranscript()).status).toBe('pass');
    expect(
      runCheck(
        check,
        withFields({
          authorization_endpoint: 'http://127.0.0.1:8080/authorize',
          token_endpoint: 'http://localhost:8080/token',
        }),
      ).status,
    ).toBe('pass');
  });

  it.each([
    [{ token_endpoint: 'http://auth.example.com/token' }, 'not-https', 'token_endpoint'],
    [
      { registration_endpoint: 'http://auth.example.com/register' },
      'not-https',
      'registration_endpoint',
    ],
    [{ authorization_endpoint: 'not a url' }, 'not-https', 'authorization_endpoint'],
    [{ authorization_endpoint: undefined }, 'missing', 'authorization_endpoint'],
  ])('%j → %s naming %s', (fields, code, subject) => {
    const r = runCheck(check, withFields(fields));
    expect(r).toMatchObject({ status: 'fail', code, evidence: ['x3'] });
    expect(r.items.map((i) => i.subject)).toEqual([subject]);
  });

  it('is skipped when no authentication is required', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
  });
});
