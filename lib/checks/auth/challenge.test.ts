import { describe, expect, it } from 'vitest';
import type { AuthProbe } from '@/lib/report/schema-auth';
import { runCheck } from '../define';
import check from './challenge';
import { authTranscript, openTranscript, PRM_URL } from './support/fixtures';

describe('auth.challenge', () => {
  it('passes on 401 with Bearer resource_metadata and names it', () => {
    const r = runCheck(check, authTranscript());
    expect(r.status).toBe('pass');
    expect(r.message).toContain(PRM_URL);
  });

  it('is skipped with the plain reason when no authentication is required', () => {
    const r = runCheck(check, openTranscript());
    expect(r).toMatchObject({ status: 'skipped', message: 'no authentication required' });
  });

  it.each([
    [
      'no-www-authenticate',
      'error',
      (a: AuthProbe) => {
        a.challenge = {
          ...a.challenge!,
          header: null,
          challenges: [],
          bearer: null,
          sdk: { resourceMetadataUrl: null, scope: null, error: null },
        };
      },
    ],
    [
      'not-bearer',
      'error',
      (a: AuthProbe) => {
        a.challenge = {
          ...a.challenge!,
          header: 'Basic realm="x"',
          challenges: [{ scheme: 'Basic', params: { realm: 'x' }, token68: null }],
          bearer: null,
        };
      },
    ],
    [
      'no-resource-metadata',
      'warning',
      (a: AuthProbe) => {
        a.challenge = {
          ...a.challenge!,
          header: 'Bearer realm="mcp"',
          bearer: { resourceMetadata: null, scope: null, error: null, errorDescription: null },
        };
      },
    ],
    [
      'invalid-resource-metadata',
      'error',
      (a: AuthProbe) => {
        a.challenge = {
          ...a.challenge!,
          bearer: {
            resourceMetadata: '/.well-known/oauth-protected-resource',
            scope: null,
            error: null,
            errorDescription: null,
          },
        };
      },
    ],
    [
      'sdk-misreads-challenge',
      'error',
      (a: AuthProbe) => {
        a.challenge = {
          ...a.challenge!,
          header: `Basic realm="x", Bearer resource_metadata="${PRM_URL}"`,
          sdk: { resourceMetadataUrl: null, scope: null, error: null },
        };
      },
    ],
    [
      'forbidden-without-credentials',
      'error',
      (a: AuthProbe) => {
        a.challenge = { ...a.challenge!, status: 403 };
      },
    ],
  ])('fails with %s (%s), evidence the 401/403 exchange', (code, severity, change) => {
    const r = runCheck(check, authTranscript(change));
    expect(r).toMatchObject({ status: 'fail', code, severity, evidence: ['x1'] });
  });

  it('still judges the challenge when the user’s token was rejected', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        a.challenge = { ...a.challenge!, status: 403, withCredentials: true };
      }),
    );
    expect(r.status).toBe('pass');
  });
});
