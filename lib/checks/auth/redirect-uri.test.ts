import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './redirect-uri';
import { authTranscript, openTranscript } from './support/fixtures';
import type { RedirectUriProbe } from '@/lib/report/schema-auth';

const CHATGPT = 'https://chatgpt.com/connector_platform_oauth_redirect';
const probe = (p: Partial<RedirectUriProbe>): RedirectUriProbe => ({
  redirectUri: CHATGPT,
  registrationEndpoint: 'https://auth.example.com/register',
  outcome: 'accepted',
  exchangeId: 'x9',
  status: 201,
  error: null,
  errorDescription: null,
  ...p,
});

describe('auth.redirect-uri', () => {
  it('is skipped unless the user opted in', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('opt in'),
    });
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
  });

  it('is skipped with the reason when registration could not be tried', () => {
    const r = runCheck(
      check,
      authTranscript(
        (a) =>
          void (a.redirectUri = probe({
            outcome: 'not-run',
            exchangeId: null,
            status: null,
            error: 'the authorization server has no registration_endpoint',
          })),
      ),
    );
    expect(r).toMatchObject({
      status: 'skipped',
      message: 'not checked: the authorization server has no registration_endpoint',
    });
  });

  it('passes when the registration is accepted', () => {
    expect(
      runCheck(
        check,
        authTranscript((a) => void (a.redirectUri = probe({}))),
      ),
    ).toMatchObject({ status: 'pass', message: `Registered a client with ${CHATGPT}` });
  });

  it('fails with the server’s error when it is rejected', () => {
    const r = runCheck(
      check,
      authTranscript(
        (a) =>
          void (a.redirectUri = probe({
            outcome: 'rejected',
            status: 400,
            error: 'invalid_redirect_uri',
            errorDescription: 'not allowed',
          })),
      ),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'rejected', evidence: ['x9'] });
    expect(r.message).toContain('HTTP 400 (invalid_redirect_uri: not allowed)');
  });

  it('fails differently when registration itself broke', () => {
    const r = runCheck(
      check,
      authTranscript((a) => void (a.redirectUri = probe({ outcome: 'error', status: 500 }))),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'registration-failed' });
  });
});
