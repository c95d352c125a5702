import { describe, expect, it } from 'vitest';
import type { TokenVerdict } from '@/lib/report/schema-auth';
import { runCheck } from '../define';
import check from './token';
import { authTranscript, openTranscript } from './support/fixtures';

const withToken = (verdict: Partial<TokenVerdict>) =>
  authTranscript(
    (a) =>
      void (a.token = {
        exchangeId: 'x1',
        status: 401,
        accepted: false,
        error: null,
        errorDescription: null,
        scope: null,
        ...verdict,
      }),
    {
      target: {
        url: 'https://example.com/mcp',
        credentialsInUrl: false,
        fragment: null,
        headerNames: [],
        hasToken: true,
      },
    },
  );

describe('auth.token', () => {
  it('is skipped when no token or headers were given', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'skipped',
      message: 'skipped: no token or headers were given',
    });
  });

  it('passes when the token is accepted', () => {
    expect(runCheck(check, withToken({ accepted: true, status: 200 }))).toMatchObject({
      status: 'pass',
      message: 'The server accepted the token (HTTP 200)',
    });
  });

  it('explains a 401 with what the server said', () => {
    const r = runCheck(
      check,
      withToken({ error: 'invalid_token', errorDescription: 'The access token expired' }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'invalid-token', evidence: ['x1'] });
    expect(r.message).toBe(
      '401: the server rejected the token: error="invalid_token" — "The access token expired".',
    );
  });

  it('says when a 401 gives no reason', () => {
    expect(runCheck(check, withToken({})).message).toContain('without saying why');
  });

  it('explains insufficient_scope with the scopes needed', () => {
    const r = runCheck(
      check,
      withToken({ status: 403, error: 'insufficient_scope', scope: 'files:write' }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'insufficient-scope' });
    expect(r.message).toContain('needs "files:write"');
    expect(r.fix).toContain('files:write');
  });

  it('fails a bare 403 as forbidden', () => {
    expect(runCheck(check, withToken({ status: 403 }))).toMatchObject({
      status: 'fail',
      code: 'forbidden',
    });
  });

  it('is skipped with the plain reason when the server needs no token', () => {
    const t = openTranscript();
    t.target.hasToken = true;
    t.auth = {
      ...t.auth!,
      token: {
        exchangeId: 'x1',
        status: 200,
        accepted: true,
        error: null,
        errorDescription: null,
        scope: null,
      },
    };
    expect(runCheck(check, t)).toMatchObject({
      status: 'skipped',
      message: 'no authentication required',
    });
  });
});
