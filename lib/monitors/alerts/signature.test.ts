import { describe, expect, it } from 'vitest';
import { newSigningSecret, signatureHeader, verifySignature } from './signature';

const secret = newSigningSecret();
const body = '{"type":"monitor.failing"}';
const t = 1_800_000_000;

describe('webhook signatures', () => {
  it('verifies what it signed, inside the window', () => {
    const header = signatureHeader(secret, body, t);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, t + 299)).toEqual({ ok: true });
  });

  it.each([
    ['a replay after the window', signatureHeader(secret, body, t), body, t + 301, /replay window/],
    ['a changed body', signatureHeader(secret, body, t), `${body} `, t, /does not match/],
    ['another secret', signatureHeader(newSigningSecret(), body, t), body, t, /does not match/],
    [
      'a moved timestamp',
      signatureHeader(secret, body, t).replace(`t=${t}`, `t=${t + 60}`),
      body,
      t,
      /does not match/,
    ],
    ['no header', null, body, t, /no t= and v1=/],
  ])('refuses %s', (_case, header, received, now, reason) => {
    const result = verifySignature(secret, header, received, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('makes a new secret every time', () => {
    expect(newSigningSecret()).not.toBe(newSigningSecret());
    expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
