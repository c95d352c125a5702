import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyRing, SecretsError, open, parseSecretKey, seal, sealedKeyId } from './secrets';

const keyOf = (bytes: Buffer) => {
  const parsed = parseSecretKey(bytes.toString('base64'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.key;
};

describe('parseSecretKey', () => {
  const bytes = randomBytes(32);

  it.each([
    ['hex', bytes.toString('hex')],
    ['base64', bytes.toString('base64')],
    ['base64url', bytes.toString('base64url')],
    ['hex with spaces around', `  ${bytes.toString('hex')}\n`],
  ])('reads %s', (_kind, text) => {
    const parsed = parseSecretKey(text);
    expect(parsed.ok && parsed.key.key.equals(bytes)).toBe(true);
  });

  it.each([
    ['a passphrase', 'correct horse battery staple', /neither hex nor base64/],
    ['16 bytes', randomBytes(16).toString('base64'), /decode to 16 bytes/],
    ['31 bytes of hex', randomBytes(31).toString('hex'), /decode to 46 bytes/],
  ])('refuses %s, saying what it is and never the value', (_kind, text, why) => {
    const parsed = parseSecretKey(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(why);
    expect(!parsed.ok && parsed.message).toMatch(/MCP_DOCTOR_SECRET_KEY must be 32 random bytes/);
    expect(!parsed.ok && parsed.message).not.toContain(text);
  });

  it('names a key by an id that does not reveal it', () => {
    const key = keyOf(bytes);
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
    expect(bytes.toString('hex')).not.toContain(key.id);
  });
});

describe('seal and open', () => {
  const ring = KeyRing.from(keyOf(randomBytes(32)));

  it('opens what it sealed, with a new IV every time', () => {
    const a = seal(ring, 'tok_live_123', 'monitor-a');
    const b = seal(ring, 'tok_live_123', 'monitor-a');
    expect(a).not.toBe(b);
    expect(a).not.toContain('tok_live_123');
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(Buffer.from(a.split('.')[2] ?? '', 'base64url')).toHaveLength(12);
    expect(open(ring, a, 'monitor-a')).toBe('tok_live_123');
    expect(sealedKeyId(a)).toBe(ring.current?.id);
  });

  it('refuses a value moved to another monitor, or with a changed byte', () => {
    const sealed = seal(ring, 'secret', 'monitor-a');
    expect(() => open(ring, sealed, 'monitor-b')).toThrow(/belong to another monitor/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => open(ring, parts.join('.'), 'monitor-a')).toThrow(SecretsError);
  });

  it('opens with a previous key after a rotation, and seals with the new one', () => {
    const old = keyOf(randomBytes(32));
    const sealedBefore = seal(KeyRing.from(old), 'v', 'm');
    const rotated = KeyRing.from(keyOf(randomBytes(32)), [old]);
    expect(open(rotated, sealedBefore, 'm')).toBe('v');
    expect(sealedKeyId(seal(rotated, 'v', 'm'))).toBe(rotated.current?.id);
    expect(() => open(KeyRing.from(keyOf(randomBytes(32))), sealedBefore, 'm')).toThrow(
      /sealed with key [0-9a-f]{8}, which is neither/,
    );
  });

  it('refuses to seal without a key, and says why', () => {
    const none = KeyRing.fromEnv({});
    expect(none.refusal).toMatch(/MCP_DOCTOR_SECRET_KEY is not set/);
    expect(() => seal(none, 'x', 'm')).toThrow(/openssl rand -base64 32/);
    const wrong = KeyRing.fromEnv({ MCP_DOCTOR_SECRET_KEY: 'hunter2' });
    expect(wrong.current).toBeNull();
    expect(wrong.refusal).toMatch(/7 characters that decode to 5 bytes/);
  });
});
