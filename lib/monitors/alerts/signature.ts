import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook bodies are signed the way Stripe and Slack sign theirs: HMAC-SHA256 (RFC 2104) with the
 * monitor's secret over `<timestamp>.<body>`, sent as `MCP-Doctor-Signature: t=<unix seconds>,v1=<hex>`.
 * The timestamp is inside the signed text, so a receiver that refuses timestamps older than the
 * replay window (five minutes) refuses a captured request sent again later.
 */
export const SIGNATURE_HEADER = 'MCP-Doctor-Signature';
export const REPLAY_WINDOW_SECONDS = 300;

/** A new signing secret: 32 random bytes, prefixed so it is recognisable in a secret store. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does (the README shows the same in a few lines): parse the header, refuse a
 * timestamp outside the window, compare the signature in constant time.
 */
export function verifySignature(
  secret: string,
  header: string | null,
  body: string,
  nowSeconds: number,
  windowSeconds = REPLAY_WINDOW_SECONDS,
): { ok: true } | { ok: false; reason: string } {
  const fields = new Map(
    (header ?? '').split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(fields.get('t'));
  const given = fields.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) {
    return { ok: false, reason: 'no t= and v1= in the signature header' };
  }
  if (Math.abs(nowSeconds - timestamp) > windowSeconds) {
    return { ok: false, reason: 'the timestamp is outside the replay window' };
  }
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'))
    ? { ok: true }
    : { ok: false, reason: 'the signature does not match' };
}
