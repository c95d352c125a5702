import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { failedAt, transcript } from '../testing';
import check from './public';

const resolving = (hostname: string, ...addresses: string[]) =>
  transcript({
    dns: {
      hostname,
      addresses: addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      error: null,
    },
  });

describe('connection.public', () => {
  it.each([
    {
      name: 'a public address',
      t: resolving('example.com', '93.184.216.34'),
      status: 'pass',
      code: null,
      items: 0,
    },
    {
      name: 'loopback',
      t: resolving('localhost', '127.0.0.1', '::1'),
      status: 'fail',
      code: 'not-public',
      items: 2,
    },
    {
      name: 'a private address among public ones',
      t: resolving('mixed.example', '93.184.216.34', '10.1.2.3'),
      status: 'fail',
      code: 'not-public',
      items: 1,
    },
    {
      name: 'a link-local address',
      t: resolving('meta.example', '169.254.169.254'),
      status: 'fail',
      code: 'not-public',
      items: 1,
    },
    {
      name: 'DNS failed',
      t: failedAt(
        'dns',
        { code: 'dns-not-found', message: 'ENOTFOUND' },
        {
          dns: {
            hostname: 'nope.example',
            addresses: [],
            error: { code: 'dns-not-found', message: 'ENOTFOUND' },
          },
        },
      ),
      status: 'skipped',
      code: null,
      items: 0,
    },
    { name: 'no DNS step', t: transcript({ dns: null }), status: 'skipped', code: null, items: 0 },
  ])('$name → $status', ({ t, status, code, items }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe('warning');
    expect(result.evidence).toEqual([]);
    expect(result.items).toHaveLength(items);
  });

  it('names the host, the address and its scope', () => {
    const result = runCheck(check, resolving('localhost', '127.0.0.1'));
    expect(result.message).toContain('localhost resolves to 127.0.0.1 (loopback)');
  });
});
