import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './registration';
import { authTranscript, json, openTranscript } from './support/fixtures';

const server = (fields: Record<string, unknown>) =>
  authTranscript((a) => {
    const j = json(a, 'authorization-server');
    delete j.registration_endpoint;
    Object.assign(j, fields);
  });

describe('auth.registration', () => {
  it.each([
    [{ registration_endpoint: 'https://auth.example.com/register' }, 'pass', null],
    [{ client_id_metadata_document_supported: true }, 'pass', null],
    [{}, 'fail', 'none'],
    [{ client_id_metadata_document_supported: false }, 'fail', 'none'],
  ])('%j → %s', (fields, status, code) => {
    const r = runCheck(check, server(fields));
    expect(r).toMatchObject({ status, code });
    if (status === 'fail') expect(r.evidence).toEqual(['x3']);
  });

  it('names both ways when both are offered', () => {
    expect(
      runCheck(
        check,
        server({
          registration_endpoint: 'https://auth.example.com/register',
          client_id_metadata_document_supported: true,
        }),
      ).message,
    ).toBe(
      'Clients can register: client ID metadata documents and dynamic registration at https://auth.example.com/register',
    );
  });

  it('is skipped when no authentication is required', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
  });
});
