import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Credentials at rest: a monitor keeps a token, header values, webhook URLs and its signing secret
 * to use them every few minutes, so unlike a run it cannot forget them. They are sealed with
 * AES-256-GCM (Node's crypto; NIST SP 800-38D) under a key the deployment provides in
 * MCP_DOCTOR_SECRET_KEY, a fresh random 96-bit IV for every value (SP 800-38D §8.2.2: never reuse
 * an IV under one key), and the monitor's id as additional data, so a sealed value copied onto
 * another monitor's row does not open. Each value names its key by id; older keys listed in
 * MCP_DOCTOR_SECRET_KEYS_PREVIOUS still open what they sealed, and values are sealed again under
 * the current key when the monitors start (lib/monitors/service.ts), so a key can be rotated.
 */

export const SECRET_KEY_ENV = 'MCP_DOCTOR_SECRET_KEY';
export const PREVIOUS_KEYS_ENV = 'MCP_DOCTOR_SECRET_KEYS_PREVIOUS';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

export interface SecretKey {
  /** The first 8 hex digits of the key's SHA-256: names the key in every value, reveals nothing. */
  id: string;
  key: Buffer;
}

export class SecretsError extends Error {
  constructor(
    readonly code: 'no-key' | 'bad-key' | 'unknown-key' | 'undecryptable',
    message: string,
  ) {
    super(message);
    this.name = 'SecretsError';
  }
}

/** The keys of this deployment: the current one seals; every one of them opens. */
export class KeyRing {
  private constructor(
    readonly current: SecretKey | null,
    private readonly keys: ReadonlyMap<string, SecretKey>,
    /** Why there is no usable key, when a variable is set but wrong. */
    readonly problem: string | null,
  ) {}

  static from(current: SecretKey | null, previous: SecretKey[] = []): KeyRing {
    const keys = new Map([...previous, ...(current ? [current] : [])].map((k) => [k.id, k]));
    return new KeyRing(current, keys, null);
  }

  /**
   * The environment's keys. A malformed value is not thrown at start (the dashboard still serves
   * everything else); it is the reason given when sealing is refused.
   */
  static fromEnv(env: Record<string, string | undefined> = process.env): KeyRing {
    const problems: string[] = [];
    const parse = (text: string, name: string) => {
      const parsed = parseSecretKey(text, name);
      if (!parsed.ok) problems.push(parsed.message);
      return parsed.ok ? parsed.key : null;
    };
    const currentText = env[SECRET_KEY_ENV]?.trim();
    const current = currentText ? parse(currentText, SECRET_KEY_ENV) : null;
    const previous = (env[PREVIOUS_KEYS_ENV] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .flatMap((part) => parse(part, PREVIOUS_KEYS_ENV) ?? []);
    const ring = KeyRing.from(current, previous);
    return new KeyRing(ring.current, ring.keys, problems.length ? problems.join('; ') : null);
  }

  get(id: string): SecretKey | undefined {
    return this.keys.get(id);
  }

  /** Why nothing can be sealed, in words for an API answer and the UI; null when a key is set. */
  get refusal(): string | null {
    if (this.current) return null;
    return (
      this.problem ??
      `credentials and webhooks of monitors are stored encrypted, and ${SECRET_KEY_ENV} is not set: set it to 32 random bytes (openssl rand -base64 32) and restart the dashboard`
    );
  }
}

/**
 * 32 bytes as 64 hex digits or as base64 (standard or URL-safe), what `openssl rand -hex 32` and
 * `openssl rand -base64 32` print. Anything else says what it is and what is wanted, never the value.
 */
export function parseSecretKey(
  text: string,
  name = SECRET_KEY_ENV,
): { ok: true; key: SecretKey } | { ok: false; message: string } {
  const value = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]+$/.test(value) && value.length === KEY_BYTES * 2) {
    key = Buffer.from(value, 'hex');
  } else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  }
  if (!key || key.length !== KEY_BYTES) {
    const got = key
      ? `${value.length} characters that decode to ${key.length} bytes`
      : `${value.length} characters that are neither hex nor base64`;
    return {
      ok: false,
      message: `${name} must be ${KEY_BYTES} random bytes written as ${KEY_BYTES * 2} hex digits or as base64 (openssl rand -base64 32); it is ${got}`,
    };
  }
  const id = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return { ok: true, key: { id, key } };
}

/** Seals a value under the ring's current key: `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url). */
export function seal(ring: KeyRing, plaintext: string, context: string): string {
  const current = ring.current;
  if (!current) throw new SecretsError('no-key', ring.refusal ?? 'no key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
  return [VERSION, current.id, ...parts].join('.');
}

/** The key id a sealed value names, to tell which values a rotation must seal again. */
export const sealedKeyId = (sealed: string): string | null =>
  /^v1\.([0-9a-f]{8})\./.exec(sealed)?.[1] ?? null;

/** Opens a sealed value; a wrong key, context or a changed byte is refused by the GCM tag. */
export function open(ring: KeyRing, sealed: string, context: string): string {
  const [version, id, iv, ciphertext, tag, ...rest] = sealed.split('.');
  if (version !== VERSION || !id || !iv || ciphertext === undefined || !tag || rest.length) {
    throw new SecretsError('undecryptable', 'a sealed value is not in the v1 format');
  }
  const key = ring.get(id);
  if (!key) {
    throw new SecretsError(
      'unknown-key',
      `a monitor's credentials were sealed with key ${id}, which is neither ${SECRET_KEY_ENV} nor one of ${PREVIOUS_KEYS_ENV}`,
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretsError(
      'undecryptable',
      `a monitor's credentials do not open with key ${id}: they were changed, or belong to another monitor`,
    );
  }
}
