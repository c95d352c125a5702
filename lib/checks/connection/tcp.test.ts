import type { ProbeErrorCode } from '@/lib/report/schema-base';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { failedAt, noSession, transcript } from '../testing';
import check from './tcp';

const tcpFailing = (code: ProbeErrorCode, message: string) =>
  failedAt(
    'tcp',
    { code, message },
    { tcp: { address: '93.184.216.34', port: 443, connectMs: null, error: { code, message } } },
  );

describe('connection.tcp', () => {
  it.each([
    { name: 'connected', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: 'refused',
      t: tcpFailing('connection-refused', 'connecting to 93.184.216.34:443: ECONNREFUSED'),
      status: 'fail',
      code: 'refused',
      evidence: [],
    },
    {
      name: 'reset',
      t: tcpFailing('connection-reset', 'connecting to 93.184.216.34:443: ECONNRESET'),
      status: 'fail',
      code: 'reset',
      evidence: [],
    },
    {
      name: 'timed out',
      t: tcpFailing('timeout', 'connecting to 93.184.216.34:443: no answer in 5000 ms'),
      status: 'fail',
      code: 'timeout',
      evidence: [],
    },
    {
      name: 'unreachable',
      t: tcpFailing('connect-failed', 'EHOSTUNREACH'),
      status: 'fail',
      code: 'unreachable',
      evidence: [],
    },
    {
      name: 'refused by the SSRF guard before connecting (no TCP result)',
      t: failedAt(
        'tcp',
        { code: 'blocked-by-policy', message: 'blocked by policy: 10.0.0.5 is a private address' },
        { tcp: null },
      ),
      status: 'fail',
      code: 'blocked-by-policy',
      evidence: [],
    },
    {
      name: 'the initialize request reset',
      t: noSession(null, {
        error: { code: 'connection-reset', message: 'POST https://example.com/mcp: ECONNRESET' },
      }),
      status: 'fail',
      code: 'reset',
      evidence: ['x1'],
    },
    {
      name: 'the initialize request timed out (latency owns it)',
      t: noSession(null, {
        error: { code: 'timeout', message: 'POST https://example.com/mcp: timed out' },
      }),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'DNS failed',
      t: failedAt('dns', { code: 'dns-not-found', message: 'ENOTFOUND' }, { tcp: null }),
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

  it('names the host, address and port', () => {
    expect(runCheck(check, tcpFailing('connection-refused', 'ECONNREFUSED')).message).toContain(
      'example.com (93.184.216.34) port 443',
    );
  });

  it('does not repeat an IP literal host', () => {
    const t = tcpFailing('connection-refused', 'ECONNREFUSED');
    t.dns = {
      hostname: '127.0.0.1',
      addresses: [{ address: '127.0.0.1', family: 4 }],
      error: null,
    };
    t.tcp = {
      address: '127.0.0.1',
      port: 3000,
      connectMs: null,
      error: { code: 'connection-refused', message: 'ECONNREFUSED' },
    };
    expect(runCheck(check, t).message).toMatch(/^127\.0\.0\.1 port 3000 refused/);
  });
});
