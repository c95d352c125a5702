import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { failedAt, noSession, transcript } from '../testing';
import check from './tls';

type Tls = NonNullable<Transcript['tls']>;
const base = transcript().tls as Tls;
const leaf = base.chain[0] as Tls['chain'][number];
const withTls = (tls: Partial<Tls>, leafOverrides: Partial<Tls['chain'][number]> = {}) =>
  transcript({ tls: { ...base, chain: [{ ...leaf, ...leafOverrides }], ...tls } });

describe('connection.tls', () => {
  it.each([
    {
      name: 'a trusted certificate',
      t: transcript(),
      status: 'pass',
      code: null,
      severity: 'error',
      evidence: [],
    },
    {
      name: 'expired',
      t: withTls(
        { authorizationError: 'CERT_HAS_EXPIRED' },
        { validTo: '2025-12-01T00:00:00.000Z' },
      ),
      status: 'fail',
      code: 'expired',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'expired by the run date alone',
      t: withTls({}, { validTo: '2025-12-31T00:00:00.000Z' }),
      status: 'fail',
      code: 'expired',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'not yet valid',
      t: withTls(
        { authorizationError: 'CERT_NOT_YET_VALID' },
        { validFrom: '2026-02-01T00:00:00.000Z' },
      ),
      status: 'fail',
      code: 'not-yet-valid',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'self-signed',
      t: withTls({ authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, { selfSigned: true }),
      status: 'fail',
      code: 'self-signed',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'incomplete chain',
      t: withTls({ authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }),
      status: 'fail',
      code: 'incomplete-chain',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'another OpenSSL error',
      t: withTls({ authorizationError: 'CERT_REVOKED' }),
      status: 'fail',
      code: 'untrusted',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'wrong host',
      t: withTls(
        {
          hostnameError:
            "Hostname/IP does not match certificate's altnames: Host: example.com. is not in the cert's altnames: DNS:other.example",
        },
        { subjectAltNames: ['DNS:other.example'] },
      ),
      status: 'fail',
      code: 'wrong-host',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'expires in 5 days',
      t: withTls({}, { validTo: '2026-01-06T00:00:00.000Z' }),
      status: 'fail',
      code: 'expires-soon',
      severity: 'warning',
      evidence: [],
    },
    {
      name: 'expires in 30 days',
      t: withTls({}, { validTo: '2026-01-31T00:00:00.000Z' }),
      status: 'pass',
      code: null,
      severity: 'error',
      evidence: [],
    },
    {
      name: 'the handshake failed',
      t: transcript({
        tls: {
          protocol: null,
          authorizationError: null,
          hostnameError: null,
          chain: [],
          error: { code: 'tls-failed', message: 'ERR_SSL_WRONG_VERSION_NUMBER' },
        },
      }),
      status: 'fail',
      code: 'handshake-failed',
      severity: 'error',
      evidence: [],
    },
    {
      name: 'the initialize request failed its TLS handshake',
      t: noSession(null, {
        error: {
          code: 'tls-failed',
          message: 'POST https://example.com/mcp: DEPTH_ZERO_SELF_SIGNED_CERT',
        },
      }),
      status: 'fail',
      code: 'handshake-failed',
      severity: 'error',
      evidence: ['x1'],
    },
    {
      name: 'plain http',
      t: transcript({
        target: { ...transcript().target, url: 'http://localhost:3000/mcp' },
        tls: null,
      }),
      status: 'skipped',
      code: null,
      severity: 'error',
      evidence: [],
    },
    {
      name: 'TCP failed',
      t: failedAt('tcp', { code: 'connection-refused', message: 'ECONNREFUSED' }, { tls: null }),
      status: 'skipped',
      code: null,
      severity: 'error',
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, severity, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe(severity);
    expect(result.evidence).toEqual(evidence);
  });

  it('names the expiry date', () => {
    const result = runCheck(
      check,
      withTls({ authorizationError: 'CERT_HAS_EXPIRED' }, { validTo: '2025-12-01T00:00:00.000Z' }),
    );
    expect(result.message).toContain('expired on 2025-12-01');
    expect(runCheck(check, withTls({}, { validTo: '2026-01-06T00:00:00.000Z' })).message).toContain(
      'in 5 days',
    );
  });

  it('names the certificate’s names on a host mismatch', () => {
    const result = runCheck(
      check,
      withTls({ hostnameError: 'mismatch' }, { subjectAltNames: ['DNS:other.example'] }),
    );
    expect(result.message).toContain('other.example, not example.com');
  });

  it('lists every problem, the most basic first', () => {
    const t = withTls(
      { authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', hostnameError: 'mismatch' },
      {
        subjectAltNames: ['DNS:other.example'],
        validTo: '2026-01-05T00:00:00.000Z',
        selfSigned: true,
      },
    );
    const result = runCheck(check, t);
    expect(result.code).toBe('self-signed');
    expect(result.severity).toBe('error');
    expect(result.items.map((i) => i.subject)).toEqual(['chain of trust', 'host name', 'validity']);
    expect(result.message).toBe(
      'The certificate for example.com is not trusted: it is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT); also, is for other.example, not example.com; expires on 2026-01-05, in 4 days.',
    );
  });
});
