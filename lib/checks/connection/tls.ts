import { ProbeErrorCode } from '@/lib/report/schema-base';
import type { Transcript } from '@/lib/report/schema';
import { defineCheck, notApplicable, type Outcome, pass } from '../define';
import { withoutConnection } from '../shared/blocked';
import { handshakeVerdict } from '../shared/handshake';

const DAY_MS = 86_400_000;
/** Warn this long before expiry: enough time to renew before clients start refusing the certificate. */
const EXPIRY_WARNING_DAYS = 14;

const day = (iso: string): string => iso.slice(0, 10);

/** OpenSSL's verification codes (as Node reports them) grouped into what the developer must fix. */
const TLS_CODES = [
  'expired',
  'not-yet-valid',
  'self-signed',
  'incomplete-chain',
  'untrusted',
  'wrong-host',
  'expires-soon',
  'handshake-failed',
] as const;
type TlsCode = (typeof TLS_CODES)[number];

const CHAIN_ERRORS: Record<string, { code: TlsCode; reason: string; fix: string }> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    code: 'self-signed',
    reason: 'it is self-signed',
    fix: 'Use a certificate from a public CA (for example Let’s Encrypt); clients do not trust self-signed certificates.',
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    code: 'self-signed',
    reason: 'its chain ends in a self-signed root that is not publicly trusted',
    fix: 'Use a certificate from a public CA; a private root is only trusted where it has been installed.',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    code: 'incomplete-chain',
    reason: 'the server does not send the intermediate certificate(s)',
    fix: 'Serve the full chain (leaf + intermediates), e.g. fullchain.pem rather than cert.pem.',
  },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
    code: 'incomplete-chain',
    reason: 'its issuer is unknown (a missing intermediate or a private CA)',
    fix: 'Serve the full chain (leaf + intermediates) from a publicly trusted CA.',
  },
  UNABLE_TO_GET_ISSUER_CERT: {
    code: 'incomplete-chain',
    reason: 'its issuer certificate could not be found',
    fix: 'Serve the full chain (leaf + intermediates) from a publicly trusted CA.',
  },
};

/** Clients refuse an untrusted certificate outright, so the MCP handshake never starts. */
export default defineCheck({
  id: 'connection.tls',
  area: 'connection',
  severity: 'error',
  title: 'The TLS certificate is valid and trusted',
  failureTitle: 'The TLS certificate is not accepted',
  fix: 'Install a valid certificate for this host name from a public CA, with its full chain, and renew it before it expires.',
  docs: 'https://www.rfc-editor.org/rfc/rfc5280#section-6',
  codes: TLS_CODES,
  run(t) {
    if (!t.target.url.startsWith('https:')) return notApplicable('skipped: plain http, no TLS');
    if (!t.tls) return withoutConnection(t, 'no TLS connection was made');
    const host = t.dns?.hostname ?? new URL(t.target.url).hostname;
    if (t.tls.error) {
      return {
        status: 'fail',
        code: 'handshake-failed',
        message: `The TLS handshake with ${host} failed: ${t.tls.error.message}.`,
        fix: 'Check that the port speaks TLS (not plain http) and offers TLS 1.2 or newer.',
      };
    }
    const leaf = t.tls.chain[0];
    const problems = certificateProblems(t.tls, host, Date.parse(t.startedAt));
    const [primary, ...others] = problems;
    if (primary) {
      const also = others.length ? `; also, ${others.map((p) => p.detail).join('; ')}` : '';
      return {
        status: 'fail',
        code: primary.code,
        severity: problems.some((p) => p.severity === 'error') ? 'error' : 'warning',
        message: `The certificate for ${host} ${primary.detail}${also}.`,
        fix: problems.map((p) => p.fix).join(' '),
        items: problems.map((p) => ({
          subject: SUBJECTS[p.code] ?? 'chain of trust',
          detail: p.detail,
        })),
      };
    }
    return (
      handshakeTls(t) ??
      pass(`${t.tls.protocol ?? 'TLS'}, certificate valid until ${leaf ? day(leaf.validTo) : '?'}`)
    );
  },
});

const SUBJECTS: Record<string, string> = {
  expired: 'validity',
  'not-yet-valid': 'validity',
  'expires-soon': 'validity',
  'wrong-host': 'host name',
};

interface Problem {
  code: TlsCode;
  detail: string;
  fix: string;
  severity: 'error' | 'warning';
}

/** Every reason a client refuses (or soon will refuse) the certificate, the most basic first. */
function certificateProblems(
  tls: NonNullable<Transcript['tls']>,
  host: string,
  now: number,
): Problem[] {
  const problems: Problem[] = [];
  const leaf = tls.chain[0];
  const chainError = tls.authorizationError;
  const error = (code: TlsCode, detail: string, fix: string) =>
    problems.push({ code, detail, fix, severity: 'error' });

  if (chainError === 'CERT_HAS_EXPIRED' || (leaf && Date.parse(leaf.validTo) < now)) {
    error(
      'expired',
      `expired on ${leaf ? day(leaf.validTo) : 'an unknown date'}`,
      'Renew the certificate (and automate renewal, e.g. with certbot or your platform’s managed certificates).',
    );
  } else if (chainError === 'CERT_NOT_YET_VALID' || (leaf && Date.parse(leaf.validFrom) > now)) {
    error(
      'not-yet-valid',
      `is not valid before ${leaf ? day(leaf.validFrom) : 'an unknown date'}`,
      'Check the server’s clock and the certificate’s start date.',
    );
  } else if (chainError) {
    const known = CHAIN_ERRORS[chainError];
    error(
      known?.code ?? 'untrusted',
      `is not trusted: ${known?.reason ?? 'verification failed'} (${chainError})`,
      known?.fix ?? 'Use a certificate from a publicly trusted CA, served with its full chain.',
    );
  }
  if (tls.hostnameError) {
    const names =
      leaf?.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, '')).join(', ') ||
      leaf?.subject ||
      'another name';
    error(
      'wrong-host',
      `is for ${names}, not ${host}`,
      `Install a certificate whose subject alternative names include ${host}.`,
    );
  }
  if (leaf && !problems.some((p) => p.code === 'expired' || p.code === 'not-yet-valid')) {
    const daysLeft = Math.floor((Date.parse(leaf.validTo) - now) / DAY_MS);
    if (daysLeft < EXPIRY_WARNING_DAYS) {
      problems.push({
        code: 'expires-soon',
        detail: `expires on ${day(leaf.validTo)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
        fix: 'Renew the certificate now and automate renewal.',
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** The certificate looked fine on its own, but the MCP request's own TLS handshake failed. */
function handshakeTls(t: Transcript): Outcome | null {
  const verdict = handshakeVerdict(t);
  if (verdict.kind !== 'no-answer') return null;
  const error = verdict.exchange?.error ?? verdict.attempt.error;
  if (error?.code !== ProbeErrorCode.TlsFailed) return null;
  return {
    status: 'fail',
    code: 'handshake-failed',
    message: `The TLS handshake of the initialize request failed: ${error.message}.`,
    evidence: verdict.exchange ? [verdict.exchange.id] : [],
  };
}
