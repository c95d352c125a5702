import type { ProbeErrorCode } from '@/lib/report/schema-base';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { failedAt, transcript } from '../testing';
import check from './dns';

const failing = (code: ProbeErrorCode, message: string) =>
  failedAt(
    'dns',
    { code, message },
    { dns: { hostname: 'nope.example', addresses: [], error: { code, message } } },
  );

describe('connection.dns', () => {
  it.each([
    { name: 'resolved', t: transcript(), status: 'pass', code: null },
    {
      name: 'no such name',
      t: failing(
        'dns-not-found',
        'resolving nope.example: ENOTFOUND: getaddrinfo ENOTFOUND nope.example',
      ),
      status: 'fail',
      code: 'not-found',
    },
    {
      name: 'resolver timeout',
      t: failing('timeout', 'resolving nope.example: no answer in 5000 ms'),
      status: 'fail',
      code: 'timeout',
    },
    {
      name: 'resolver failure',
      t: failing('dns-failed', 'resolving nope.example: EAI_AGAIN'),
      status: 'fail',
      code: 'failed',
    },
    {
      name: 'not attempted (credentials in the URL)',
      t: failedAt('dns', { code: 'failed', message: 'x' }, { dns: null }),
      status: 'skipped',
      code: null,
    },
  ])('$name → $status $code', ({ t, status, code }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.evidence).toEqual([]);
  });

  it('shows the resolver error', () => {
    expect(
      runCheck(check, failing('dns-not-found', 'resolving nope.example: ENOTFOUND')).message,
    ).toContain('ENOTFOUND');
  });
});
