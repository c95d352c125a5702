import { describe, expect, it } from 'vitest';
import { CLIENT_CREDENTIALS } from '@/lib/edges/credentials';
import type { Exchange, Transcript } from '@/lib/report/schema';
import { authTranscript } from '../auth/support/fixtures';
import { runCheck } from '../define';
import { exchange, failedAt, noSession, response, transcript } from '../testing';
import check from './client-credentials';

const answer = (
  status: number,
  body: string,
  ...headers: [string, string][]
): NonNullable<Exchange['response']> => {
  const base = response(status, body);
  return { ...base, headers: [...base.headers, ...headers] };
};

const withUrl = (t: Transcript, url: string): Transcript => ({
  ...t,
  target: { ...t.target, url },
});

/**
 * The run's own x-api-key header opened the session; the Auth row's request without it got a 401
 * that asks for the key.
 */
const keyAccepted: Transcript = (() => {
  const base = authTranscript();
  const open = transcript();
  return {
    ...open,
    target: { ...open.target, headerNames: ['x-api-key'] },
    auth: {
      ...base.auth,
      required: true,
      challenge: base.auth?.challenge ? { ...base.auth.challenge, exchangeId: 'xa' } : null,
    } as Transcript['auth'],
    exchanges: [
      ...open.exchanges,
      exchange({
        id: 'xa',
        step: 'auth',
        rpc: { method: 'initialize', id: 0 },
        response: answer(401, '{"detail":"API key is invalid"}'),
      }),
    ],
  };
})();

describe('connection.client-credentials', () => {
  it.each([
    { name: 'a healthy open server', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'a 401 that asks for an access key (OB1#340)',
      t: noSession(answer(401, '{"error":"Invalid or missing access key."}')),
      status: 'fail',
      code: 'api-key',
      evidence: ['x1'],
    },
    {
      name: 'a 403 with an ApiKey challenge',
      t: noSession(answer(403, '', ['www-authenticate', 'ApiKey realm="mcp"'])),
      status: 'fail',
      code: 'api-key',
      evidence: ['x1'],
    },
    {
      name: 'a Bearer challenge: OAuth, the Auth row’s',
      t: authTranscript(),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'an API gateway’s 401 (connection.edge names it)',
      t: noSession(
        answer(401, '{"message":"Unauthorized"}', ['x-amzn-errortype', 'UnauthorizedException']),
      ),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'the key passed as a header was accepted; without it the server asks for it',
      t: keyAccepted,
      status: 'fail',
      code: 'api-key',
      evidence: ['xa'],
    },
    {
      name: 'a credential in the URL’s query, its value already redacted',
      t: withUrl(transcript(), 'https://example.com/mcp?api_key=[redacted]'),
      status: 'fail',
      code: 'query-credential',
      evidence: [],
    },
    {
      name: 'a credential in the URL, judged even when nothing answered',
      t: withUrl(
        failedAt(
          'dns',
          { code: 'dns-not-found', message: 'ENOTFOUND' },
          { mcp: null, exchanges: [] },
        ),
        'https://example.com/mcp?key=[redacted]',
      ),
      status: 'fail',
      code: 'query-credential',
      evidence: [],
    },
    {
      name: 'no HTTP answer and nothing in the URL',
      t: noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.evidence).toEqual(evidence);
  });

  it('quotes the line that asks for the key and explains what the clients cannot send', () => {
    const result = runCheck(
      check,
      noSession(answer(401, '{"error":"Invalid or missing access key."}')),
    );
    expect(result.message).toBe(
      `POST https://example.com/mcp answered HTTP 401 asking for an API key ("{"error":"Invalid or missing access key."}"), with no Bearer challenge to start OAuth from. ${CLIENT_CREDENTIALS.meaning}`,
    );
    expect(result.fix).toBe(CLIENT_CREDENTIALS.fix);
  });

  it('says the key worked only because it was passed', () => {
    expect(runCheck(check, keyAccepted).message).toContain(
      'it works with the credentials you passed, which ChatGPT and Claude cannot send',
    );
  });

  it('names the parameter, never its value, as a warning', () => {
    const result = runCheck(
      check,
      withUrl(transcript(), 'https://example.com/mcp?brain_key=[redacted]&page=2'),
    );
    expect(result.severity).toBe('warning');
    expect(result.message).toContain('(brain_key)');
    expect(result.message).not.toContain('[redacted]');
    expect(result.fix?.startsWith('Take brain_key out of the URL.')).toBe(true);
  });
});
