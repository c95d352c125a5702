import { describe, expect, test } from 'vitest';
import { diagnoseHostile, findings, start, stepError } from './support';
import { named, tcpServer } from './servers';
import { daysFromNow, healthyOverTls, makeCertificate, type CertificateSpec } from './tls-servers';

/**
 * HTTPS endpoints whose certificates a client must refuse, made with openssl at test time. The
 * probe reaches them as https://hostile.test:<port> (resolved to 127.0.0.1 by the test resolver),
 * so the certificate's names are judged against a real host name. The TLS step describes the
 * certificate, the handshake fails with `tls-failed`, and connection.tls names every problem.
 */
const valid = { notBefore: daysFromNow(-1), notAfter: daysFromNow(90) };

const cases: {
  name: string;
  spec: CertificateSpec;
  code: string;
  problems: RegExp[];
  authorizationError: string;
}[] = [
  {
    name: 'expired yesterday',
    spec: { names: ['hostile.test'], notBefore: daysFromNow(-30), notAfter: daysFromNow(-1) },
    code: 'expired',
    problems: [/^validity: expired on \d{4}-\d\d-\d\d/],
    authorizationError: 'CERT_HAS_EXPIRED',
  },
  {
    name: 'not valid for another ten days',
    spec: { names: ['hostile.test'], notBefore: daysFromNow(10), notAfter: daysFromNow(40) },
    code: 'not-yet-valid',
    problems: [/^validity: is not valid before/],
    authorizationError: 'CERT_NOT_YET_VALID',
  },
  {
    name: 'self-signed for the right name',
    spec: { names: ['hostile.test'], ...valid },
    code: 'self-signed',
    problems: [/^chain of trust: /],
    authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  },
  {
    name: 'issued by an unknown CA for another host',
    spec: { names: ['other.test'], ...valid, caSigned: true },
    code: 'incomplete-chain',
    problems: [/^chain of trust: /, /^host name: is for other\.test, not hostile\.test/],
    authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  },
  {
    name: 'issued by an unknown CA, expired, for another host',
    spec: {
      names: ['other.test'],
      notBefore: daysFromNow(-60),
      notAfter: daysFromNow(-30),
      caSigned: true,
    },
    code: 'expired',
    problems: [/^validity: expired/, /^host name: /],
    authorizationError: 'CERT_HAS_EXPIRED',
  },
];

describe('a certificate a client must refuse', () => {
  test.each(cases)('$name', async ({ spec, code, problems, authorizationError }) => {
    const server = await start(healthyOverTls(await makeCertificate(spec)));
    const { report } = await diagnoseHostile(named(server, 'hostile.test'));

    expect(report.tls?.authorizationError).toBe(authorizationError);
    expect(report.tls?.chain[0]?.subjectAltNames).toEqual(spec.names.map((n) => `DNS:${n}`));
    expect(stepError(report, 'tls')).toBe('tls-failed');
    // The MCP request itself is refused by the same verification, with the same code.
    expect(stepError(report, 'initialize')).toBe('tls-failed');
    const tls = report.checks.find((c) => c.id === 'connection.tls');
    expect(tls).toMatchObject({ status: 'fail', code, severity: 'error' });
    const listed = tls?.items.map((i) => `${i.subject}: ${i.detail}`) ?? [];
    for (const problem of problems)
      expect(
        listed.some((line) => problem.test(line)),
        `${problem} in ${listed.join(' | ')}`,
      ).toBe(true);
    expect(findings(report)).toContain(`connection.tls:${code}`);
  });
});

describe('a port that is not what the scheme says', () => {
  test('https:// to a server that answers plain HTTP', async () => {
    const server = await start(
      tcpServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n')),
    );
    const { report } = await diagnoseHostile(
      named(server, 'hostile.test').replace('http:', 'https:'),
    );

    expect(report.steps.find((s) => s.id === 'tls')).toMatchObject({
      status: 'failed',
      error: { code: 'tls-failed' },
    });
    expect(stepError(report, 'initialize')).toBe('tls-failed');
    expect(report.checks.find((c) => c.id === 'connection.tls')).toMatchObject({
      status: 'fail',
      code: 'handshake-failed',
    });
  });

  test('https:// to a server that accepts the connection and says nothing', async () => {
    const server = await start(tcpServer(() => {}));
    const { report } = await diagnoseHostile(
      named(server, 'hostile.test').replace('http:', 'https:'),
      {
        limits: { connectTimeoutMs: 1_500, requestTimeoutMs: 1_500 },
      },
    );

    expect(stepError(report, 'tls')).toBe('timeout');
    expect(report.status).toBe('fail');
  });
});
