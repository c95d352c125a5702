import { ProbeErrorCode, type ProbeErrorData } from '@/lib/report/schema-base';
import { collapseRepeatedPrefix } from '@/lib/text/repeated-prefix';
import { Redactor } from './redact';

export { ProbeErrorCode };

export class ProbeError extends Error {
  constructor(
    readonly code: ProbeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }

  toData(): ProbeErrorData {
    return { code: this.code, message: this.message };
  }
}

/** Node's system error codes (`err.cause.code` under fetch) mapped to ours. */
const SYSTEM_CODES: Record<string, ProbeErrorCode> = {
  ENOTFOUND: ProbeErrorCode.DnsNotFound,
  EAI_AGAIN: ProbeErrorCode.DnsFailed,
  ECONNREFUSED: ProbeErrorCode.ConnectionRefused,
  ECONNRESET: ProbeErrorCode.ConnectionReset,
  EPIPE: ProbeErrorCode.ConnectionReset,
  UND_ERR_SOCKET: ProbeErrorCode.ConnectionReset,
  ETIMEDOUT: ProbeErrorCode.Timeout,
  UND_ERR_CONNECT_TIMEOUT: ProbeErrorCode.Timeout,
  UND_ERR_HEADERS_TIMEOUT: ProbeErrorCode.Timeout,
  UND_ERR_BODY_TIMEOUT: ProbeErrorCode.Timeout,
  EHOSTUNREACH: ProbeErrorCode.ConnectFailed,
  ERR_BLOCKED_BY_POLICY: ProbeErrorCode.BlockedByPolicy,
  ENETUNREACH: ProbeErrorCode.ConnectFailed,
};

// OpenSSL's verify results (X509_V_ERR_*) as Node names them; not all of them say CERT
// (UNABLE_TO_VERIFY_LEAF_SIGNATURE is what a certificate from an unknown CA gets).
const TLS_CODE =
  /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|INVALID_CA|PATH_LENGTH|INVALID_PURPOSE|HOSTNAME_MISMATCH|CRL_/;

function systemCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns anything thrown during I/O into a ProbeError whose message says what was being done. */
export function toProbeError(error: unknown, doing: string): ProbeError {
  if (error instanceof ProbeError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return new ProbeError(ProbeErrorCode.Timeout, `${doing}: timed out`);
  if (name === 'AbortError') return new ProbeError(ProbeErrorCode.Aborted, `${doing}: aborted`);
  const sys = systemCode(error);
  const detail = describe(error);
  if (sys && SYSTEM_CODES[sys]) return new ProbeError(SYSTEM_CODES[sys], `${doing}: ${detail}`);
  if (sys && TLS_CODE.test(sys))
    return new ProbeError(ProbeErrorCode.TlsFailed, `${doing}: ${detail}`);
  return new ProbeError(ProbeErrorCode.Failed, `${doing}: ${detail}`);
}

/** The most specific message in an error's cause chain, with its system code, one line, bounded. */
export function describe(error: unknown): string {
  let message = '';
  let code: string | undefined;
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string' && m && m !== 'fetch failed') message = m;
    code ??=
      typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
    e = (e as { cause?: unknown }).cause;
  }
  if (!message) message = String(error);
  const text = code && !message.includes(code) ? `${code}: ${message}` : message;
  return oneLine(collapseRepeatedPrefix(text), 300);
}

/** Removes what looks like a credential by name (`Bearer …`, `access_token=…`), whoever sent it. */
const BY_NAME = new Redactor();

// What a secret is made of (RFC 9110 token68, base64url, URL-encoded values, `user:pass`): a cut
// between two of these may split one.
const SECRET_CHAR = /[A-Za-z0-9\-._~+/=:%]/;

/**
 * `text` on one line, at most `max` characters. Redacted before it is cut, and cut only where no
 * secret can straddle the bound: a secret cut first would keep all but its tail and no longer
 * match anything that redacts it afterwards. Pass the run's redactor to remove its own secrets
 * (the token, header values) too; without it, the credentials recognizable by name go.
 */
export function oneLine(text: string, max: number, redactor: Redactor = BY_NAME): string {
  const flat = redactor.text(text.replace(/\s+/g, ' ').trim());
  if (flat.length <= max) return flat;
  let end = max - 1;
  while (end > 0 && SECRET_CHAR.test(flat[end - 1] ?? '') && SECRET_CHAR.test(flat[end] ?? '')) {
    end--;
  }
  return `${flat.slice(0, end).trimEnd()}…`;
}
