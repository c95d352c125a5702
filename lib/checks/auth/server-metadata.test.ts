import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { response } from '../testing';
import check from './server-metadata';
import {
  AS_URL,
  authTranscript,
  doc,
  guardedTranscript,
  json,
  openTranscript,
} from './support/fixtures';

const OIDC = 'https://auth.example.com/.well-known/openid-configuration';

describe('auth.server-metadata', () => {
  it('passes and says which discovery URL served it', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'pass',
      message: `Found at ${AS_URL} (RFC 8414)`,
    });
  });

  it('is skipped when no authentication is required', () => {
    expect(runCheck(check, openTranscript())).toMatchObject({
      status: 'skipped',
      message: 'no authentication required',
    });
  });

  it('fails listing every discovery URL with its status when none answers', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        a.documents = a.documents.filter((d) => d.kind !== 'authorization-server');
        a.discovery = a.discovery.filter((d) => d.kind !== 'authorization-server');
        a.discovery.push(
          {
            kind: 'authorization-server',
            form: 'oauth',
            url: AS_URL,
            issuer: 'https://auth.example.com',
            exchangeId: 'x3',
            status: 404,
            outcome: 'not-found',
            detail: 'HTTP 404',
            beyondSpec: false,
          },
          {
            kind: 'authorization-server',
            form: 'oidc',
            url: OIDC,
            issuer: 'https://auth.example.com',
            exchangeId: 'x4',
            status: 404,
            outcome: 'not-found',
            detail: 'HTTP 404',
            beyondSpec: false,
          },
        );
      }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'not-found', evidence: ['x3', 'x4'] });
    expect(r.message).toContain(`${AS_URL} (404), ${OIDC} (404)`);
    expect(r.items.map((i) => i.detail)).toEqual([
      'RFC 8414: HTTP 404',
      'OpenID Connect: HTTP 404',
    ]);
  });

  it('says when the origin was only tried as the legacy fallback', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        a.authorizationServer = { issuer: 'https://example.com/', source: 'legacy-origin' };
        a.documents = a.documents.filter((d) => d.kind !== 'authorization-server');
      }),
    );
    expect(r.message).toContain('2025-03-26');
  });

  it('fails when the SDK rejects the document', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        doc(a, 'authorization-server').problems = ['token_endpoint: Invalid URL'];
      }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'invalid-document', evidence: ['x3'] });
    expect(r.message).toContain('token_endpoint: Invalid URL');
  });

  it('fails when response_types_supported lacks "code"', () => {
    const r = runCheck(
      check,
      authTranscript(
        (a) => void (json(a, 'authorization-server').response_types_supported = ['token']),
      ),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'no-code-response-type', evidence: ['x3'] });
  });

  it('fails when a required field is missing from an accepted document', () => {
    const r = runCheck(
      check,
      authTranscript((a) => void delete json(a, 'authorization-server').token_endpoint),
    );
    expect(r).toMatchObject({
      status: 'fail',
      code: 'missing-fields',
      message: expect.stringContaining('token_endpoint'),
    });
  });

  it('authorization server metadata answered 401 is guarded: it must be public', () => {
    const r = runCheck(check, guardedTranscript('authorization-server', response(401, '')));
    expect(r).toMatchObject({ status: 'fail', code: 'guarded', evidence: ['x3'] });
    expect(r.message).toContain(
      `${AS_URL} answered HTTP 401: authorization server metadata must be public`,
    );
  });
});
