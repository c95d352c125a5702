import type { Transcript } from '@/lib/report/schema';
import { defineCheck, pass, skip, type Outcome } from '../define';
import { handshakeVerdict } from '../shared/handshake';

const DAY_MS = 86_400_000;
/** Warn this long before expiry: enough time to renew before clients start refusing the certificate. */
const EXPIRY_WARNING_DAYS = 14;

const day = (iso: string): string => iso.slice(0, 10);

/** OpenSSL's verification codes (as Node reports them) grouped into what the developer must fix. */
const CHAIN_ERRORS: Record<string, { code: string; reason: string; fix: string }> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    code: 'self-signed',
    reason: 'the certificate is self-signed',
    fix: 'Use a certificate from a public CA (for example Let’s Encrypt); clients do not trust self-signed certificates.',
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    code: 'self-signed',
    reason: 'the chain ends in a self-signed root that is not publicly trusted',
    fix: 'Use a certificate from a public CA; a private root is only trusted where it has been installed.',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    code: 'incomplete-chain',
    reason: 'the server does not send the intermediate certificate(s)',
    fix: 'Serve the full chain (leaf + intermediates), e.g. fullchain.pem rather than cert.pem.',
  },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
    code: 'incomplete-chain',
    reason: 'the issuer of the certificate is unknown (missing intermediate or private CA)',
    fix: 'Serve the full chain (leaf + intermediates) from a publicly trusted CA.',
  },
  UNABLE_TO_GET_ISSUER_CERT: {
    code: 'incomplete-chain',
    reason: 'the issuer certificate could not be found',
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
  run(t) {
    if (!t.target.url.startsWith('https:')) return skip('skipped: plain http, no TLS');
    if (!t.tls)
      return skip('skipped: no TLS connection was made (see connection.dns and connection.tcp)');
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
    const now = Date.parse(t.startedAt);
    const chainError = t.tls.authorizationError;

    if (chainError === 'CERT_HAS_EXPIRED' || (leaf && Date.parse(leaf.validTo) < now)) {
      return {
        status: 'fail',
        code: 'expired',
        message: `The certificate for ${host} expired on ${leaf ? day(leaf.validTo) : 'an unknown date'}.`,
        fix: 'Renew the certificate (and automate renewal, e.g. with certbot or your platform’s managed certificates).',
      };
    }
    if (chainError === 'CERT_NOT_YET_VALID' || (leaf && Date.parse(leaf.validFrom) > now)) {
      return {
        status: 'fail',
        code: 'not-yet-valid',
        message: `The certificate for ${host} is not valid before ${leaf ? day(leaf.validFrom) : 'an unknown date'}.`,
        fix: 'Check the server’s clock and the certificate’s start date.',
      };
    }
    if (chainError) {
      const known = CHAIN_ERRORS[chainError];
      return {
        status: 'fail',
        code: known?.code ?? 'untrusted',
        message: `The certificate for ${host} is not trusted: ${known?.reason ?? 'verification failed'} (${chainError}).`,
        ...(known ? { fix: known.fix } : {}),
      };
    }
    if (t.tls.hostnameError) {
      const names =
        leaf?.subjectAltNames.map((n) => n.replace(/^DNS:/, '')).join(', ') ||
        leaf?.subject ||
        'another name';
      return {
        status: 'fail',
        code: 'wrong-host',
        message: `The certificate is for ${names}, not ${host} (${t.tls.hostnameError}).`,
        fix: `Install a certificate whose subject alternative names include ${host}.`,
      };
    }
    return (
      expirySoon(host, leaf?.validTo, now) ??
      handshakeTls(t) ??
      pass(`${t.tls.protocol ?? 'TLS'}, certificate valid until ${leaf ? day(leaf.validTo) : '?'}`)
    );
  },
});

function expirySoon(host: string, validTo: string | undefined, now: number): Outcome | null {
  if (!validTo) return null;
  const daysLeft = Math.floor((Date.parse(validTo) - now) / DAY_MS);
  if (daysLeft >= EXPIRY_WARNING_DAYS) return null;
  return {
    status: 'fail',
    code: 'expires-soon',
    severity: 'warning',
    message: `The certificate for ${host} expires on ${day(validTo)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`,
    fix: 'Renew the certificate now and automate renewal.',
  };
}

/** The certificate looked fine on its own, but the MCP request's own TLS handshake failed. */
function handshakeTls(t: Transcript): Outcome | null {
  const verdict = handshakeVerdict(t);
  if (verdict.kind !== 'no-answer') return null;
  const error = verdict.exchange?.error ?? verdict.attempt.error;
  if (error?.code !== 'tls-failed') return null;
  return {
    status: 'fail',
    code: 'handshake-failed',
    message: `The TLS handshake of the initialize request failed: ${error.message}.`,
    evidence: verdict.exchange ? [verdict.exchange.id] : [],
  };
}
