import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './authorization-servers';
import { authTranscript, json, openTranscript } from './support/fixtures';

describe('auth.authorization-servers', () => {
  it('passes with one server and names the first of several', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'pass',
      message: 'authorization_servers: https://auth.example.com',
    });
    const many = runCheck(
      check,
      authTranscript(
        (a) =>
          void (json(a, 'protected-resource').authorization_servers = [
            'https://a.example',
            'https://b.example',
          ]),
      ),
    );
    expect(many.message).toContain('clients use the first, https://a.example');
  });

  it.each([
    ['missing', undefined],
    ['empty', []],
  ])('fails %s', (code, value) => {
    const r = runCheck(
      check,
      authTranscript((a) => void (json(a, 'protected-resource').authorization_servers = value)),
    );
    expect(r).toMatchObject({ status: 'fail', code, severity: 'error', evidence: ['x2'] });
  });

  it('is skipped when there is no accepted document or no authentication', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
    const rejected = runCheck(
      check,
      authTranscript((a) => void (a.documents[0]!.problems = ['resource: required'])),
    );
    expect(rejected).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'auth.protected-resource' },
    });
  });
});
