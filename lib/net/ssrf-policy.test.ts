import { describe, expect, it } from 'vitest';
import { decideAddress, decideAddresses, policyFromEnv } from './ssrf-policy';

const block = { blockPrivate: true };
const open = { blockPrivate: false };

describe('decideAddress', () => {
  it.each([
    '127.0.0.1',
    '::1',
    '10.0.0.5',
    '172.20.1.1',
    '192.168.0.10',
    '169.254.169.254',
    'fd00:ec2::254',
    'fe80::1',
    '100.64.1.1',
    '224.0.0.251',
    '0.0.0.0',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '198.18.0.1',
  ])('refuses %s when blocking private addresses', (address) => {
    const decision = decideAddress(address, block);
    expect(decision.allowed).toBe(false);
    expect(!decision.allowed && decision.reason).toContain(address);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows public %s when blocking',
    (address) => {
      expect(decideAddress(address, block)).toMatchObject({ allowed: true, scope: 'public' });
    },
  );

  it('allows everything when the policy is off', () => {
    expect(decideAddress('127.0.0.1', open)).toEqual({ allowed: true, scope: 'loopback' });
    expect(decideAddress('169.254.169.254', open).allowed).toBe(true);
  });
});

describe('decideAddresses', () => {
  it('refuses a name when any of its addresses is private (DNS rebinding)', () => {
    expect(decideAddresses(['8.8.8.8', '10.0.0.1'], block)).toMatchObject({
      allowed: false,
      scope: 'private',
    });
    expect(decideAddresses(['8.8.8.8', '1.1.1.1'], block).allowed).toBe(true);
    expect(decideAddresses([], block).allowed).toBe(false);
  });
});

describe('policyFromEnv', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['', false],
    [undefined, false],
  ])('MCP_DOCTOR_BLOCK_PRIVATE=%s → %s', (value, expected) => {
    expect(policyFromEnv({ MCP_DOCTOR_BLOCK_PRIVATE: value }).blockPrivate).toBe(expected);
  });
});
