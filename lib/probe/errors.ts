import { ProbeErrorCode, type ProbeErrorData } from '@/lib/report/schema-base';

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
  return oneLine(text, 300);
}

export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
