import { describe, expect, it } from 'vitest';
import { GUARDED_METADATA } from '@/lib/edges/credentials';
import { edgeFixture, fixtureExchange } from '@/lib/edges/fixtures';
import { SIGNATURES } from '@/lib/edges/signatures';
import { runCheck } from '../define';
import { response } from '../testing';
import check from './protected-resource';
import {
  authTranscript,
  doc,
  guardedTranscript,
  MCP_URL,
  openTranscript,
  PRM_URL,
} from './support/fixtures';

const ROOT = 'https://example.com/.well-known/oauth-protected-resource';

describe('auth.protected-resource', () => {
  it('passes when the advertised URL serves it', () => {
    expect(runCheck(check, authTranscript())).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('advertised'),
    });
  });

  it('is skipped when no authentication is required', () => {
    expect(runCheck(check, openTranscript())).toMatchObject({
      status: 'skipped',
      message: 'no authentication required',
    });
  });

  it('fails listing every URL tried with its status when none serves it', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        a.documents = a.documents.filter((d) => d.kind !== 'protected-resource');
        a.discovery = [
          {
            kind: 'protected-resource',
            form: 'advertised',
            url: PRM_URL,
            issuer: null,
            exchangeId: 'x2',
            status: 404,
            outcome: 'not-found',
            detail: 'HTTP 404',
            beyondSpec: false,
          },
          {
            kind: 'protected-resource',
            form: 'path-inserted',
            url: PRM_URL,
            issuer: null,
            exchangeId: 'x4',
            status: 404,
            outcome: 'not-found',
            detail: 'HTTP 404',
            beyondSpec: true,
          },
          {
            kind: 'protected-resource',
            form: 'root',
            url: ROOT,
            issuer: null,
            exchangeId: 'x5',
            status: 500,
            outcome: 'error',
            detail: 'HTTP 500: a client stops discovery at a server error',
            beyondSpec: true,
          },
        ];
      }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'not-found', evidence: ['x2', 'x4', 'x5'] });
    expect(r.message).toContain(`${ROOT} (500)`);
    expect(r.items.map((i) => i.subject)).toEqual([PRM_URL, PRM_URL, ROOT]);
  });

  it('fails when the advertised URL fails even though a well-known URL serves it', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        a.discovery[0] = {
          ...a.discovery[0]!,
          status: 404,
          outcome: 'not-found',
          detail: 'HTTP 404',
        };
        a.discovery.splice(1, 0, {
          kind: 'protected-resource',
          form: 'root',
          url: ROOT,
          issuer: null,
          exchangeId: 'x4',
          status: 200,
          outcome: 'found',
          detail: 'metadata found',
          beyondSpec: true,
        });
      }),
    );
    expect(r).toMatchObject({
      status: 'fail',
      code: 'advertised-url-failed',
      evidence: ['x2', 'x4'],
    });
    expect(r.fix).toContain(ROOT);
  });

  it('fails when the SDK rejects the document, with its problems as items', () => {
    const r = runCheck(
      check,
      authTranscript((a) => {
        a.discovery[0] = { ...a.discovery[0]!, outcome: 'invalid', detail: 'the SDK rejects it' };
        const d = doc(a, 'protected-resource');
        d.json = { authorization_servers: ['https://auth.example.com'] };
        d.problems = ['resource: Invalid input: expected string, received undefined'];
      }),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'invalid-document', evidence: ['x2'] });
    expect(r.items[0]).toMatchObject({
      subject: PRM_URL,
      detail: expect.stringContaining('resource'),
    });
    expect(MCP_URL).toBeTruthy();
  });

  it('names the API gateway that guards the document, which must be public', () => {
    const gateway = edgeFixture('aws-api-gateway-missing-token');
    if (!gateway) throw new Error('no fixture');
    const r = runCheck(
      check,
      guardedTranscript(
        'protected-resource',
        fixtureExchange(gateway).response ?? response(403, ''),
      ),
    );
    const signature = SIGNATURES.find((s) => s.id === 'aws-api-gateway-missing-token');
    expect(r).toMatchObject({ status: 'fail', code: 'guarded', evidence: ['x2'] });
    expect(r.message).toBe(
      `${PRM_URL} answered HTTP 403 Forbidden: protected resource metadata must be public, since clients read it before they have any token, and ${signature?.name} guards it ("x-amzn-errortype: MissingAuthenticationTokenException").`,
    );
    expect(r.fix).toBe(`${GUARDED_METADATA.fix} ${signature?.fix}`);
  });

  it('a 401 from the server itself is guarded too, without an edge to name', () => {
    const r = runCheck(
      check,
      guardedTranscript('protected-resource', response(401, '{"error":"unauthorized"}')),
    );
    expect(r).toMatchObject({ status: 'fail', code: 'guarded', fix: GUARDED_METADATA.fix });
    expect(r.message).toContain('the server, or something in front of it, guards it');
  });
});
