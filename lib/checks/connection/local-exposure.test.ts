import { describe, expect, it } from 'vitest';
import type { ExposureAttempt } from '@/lib/report/schema-exposure';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { noSession, transcript } from '../testing';
import check from './local-exposure';

const attempt = (kind: ExposureAttempt['kind'], status: number | null): ExposureAttempt => ({
  kind,
  host: kind === 'host' ? 'rebinding.mcp-doctor.invalid:3000' : '127.0.0.1:3000',
  origin: 'http://rebinding.mcp-doctor.invalid:3000',
  exchangeId: kind === 'origin' ? 'x9' : 'x10',
  status,
  accepted: status !== null && status >= 200 && status < 300,
  error:
    status === null
      ? { code: 'timeout', message: 'POST http://127.0.0.1:3000/mcp: timed out' }
      : null,
});

/** A run against a loopback server, with the exposure step's answers. */
const local = (...attempts: ExposureAttempt[]): Transcript =>
  transcript({
    tcp: { address: '127.0.0.1', port: 3000, connectMs: 1, error: null },
    exposure: { scope: 'loopback', address: '127.0.0.1', attempts },
  });

describe('connection.local-exposure', () => {
  it.each([
    {
      name: 'passes when both foreign requests are refused',
      t: local(attempt('origin', 403), attempt('host', 421)),
      expected: {
        status: 'pass',
        group: 'security',
        message: expect.stringContaining('HTTP 403, HTTP 421'),
      },
    },
    {
      name: 'warns when a foreign Origin is accepted',
      t: local(attempt('origin', 200), attempt('host', 403)),
      expected: {
        status: 'fail',
        code: 'foreign-origin-accepted',
        severity: 'warning',
        evidence: ['x9'],
      },
    },
    {
      name: 'warns, naming DNS rebinding, when a foreign Host is accepted',
      t: local(attempt('origin', 200), attempt('host', 200)),
      expected: {
        status: 'fail',
        code: 'foreign-host-accepted',
        evidence: ['x9', 'x10'],
        message: expect.stringContaining('DNS rebinding'),
      },
    },
    {
      name: 'names server/discover when a 2026-07-28-only server was asked',
      t: transcript({
        tcp: { address: '127.0.0.1', port: 3000, connectMs: 1, error: null },
        exposure: {
          scope: 'loopback',
          address: '127.0.0.1',
          era: 'modern',
          attempts: [attempt('origin', 200), attempt('host', 403)],
        },
      }),
      expected: {
        status: 'fail',
        code: 'foreign-origin-accepted',
        message: expect.stringContaining('accepted server/discover from Origin'),
      },
    },
    {
      name: 'is not applicable to a public target',
      t: transcript(),
      expected: { status: 'skipped', skip: { cause: 'not-applicable' } },
    },
    {
      name: 'is blocked when a foreign request got no answer and none was accepted',
      t: local(attempt('origin', 403), attempt('host', null)),
      expected: { status: 'skipped', skip: { cause: 'blocked', owner: 'connection.tcp' } },
    },
    {
      name: 'is blocked on a local target whose requests were never sent (an older run)',
      t: transcript({ tcp: { address: '10.0.0.5', port: 80, connectMs: 1, error: null } }),
      expected: { status: 'skipped', skip: { cause: 'blocked', owner: 'connection.initialize' } },
    },
    {
      name: 'is blocked without a connection',
      t: noSession(null, { overrides: { tcp: null } }),
      expected: { status: 'skipped', skip: { cause: 'blocked' } },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });

  it('names the fix for the common SDKs', () => {
    const result = runCheck(check, local(attempt('origin', 200), attempt('host', 200)));
    expect(result.fix).toContain('createMcpExpressApp');
    expect(result.fix).toContain('TransportSecuritySettings');
  });
});
