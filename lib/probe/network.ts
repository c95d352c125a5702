import net from 'node:net';
import tls, { type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { z } from 'zod';
import type {
  CertificateSchema,
  DnsResultSchema,
  TcpResultSchema,
  TlsResultSchema,
} from '@/lib/report/schema';
import type { Resolver } from './dialer';
import { ProbeError, ProbeErrorCode, toProbeError } from './errors';

type DnsResult = z.infer<typeof DnsResultSchema>;
type TcpResult = z.infer<typeof TcpResultSchema>;
type TlsResult = z.infer<typeof TlsResultSchema>;
type Certificate = z.infer<typeof CertificateSchema>;

/** The promise, or a timeout error after `ms`; the timer is always cleared. */
export function withDeadline<T>(promise: Promise<T>, ms: number, doing: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProbeError(ProbeErrorCode.Timeout, `${doing}: no answer in ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Every address the name resolves to (A and AAAA), as the operating system's resolver sees it. */
export async function resolveHost(
  hostname: string,
  resolve: Resolver,
  timeoutMs: number,
): Promise<DnsResult> {
  if (net.isIP(hostname))
    return {
      hostname,
      addresses: [{ address: hostname, family: net.isIP(hostname) }],
      error: null,
    };
  try {
    const addresses = await withDeadline(resolve(hostname), timeoutMs, `resolving ${hostname}`);
    return { hostname, addresses, error: null };
  } catch (error) {
    return {
      hostname,
      addresses: [],
      error: toProbeError(error, `resolving ${hostname}`).toData(),
    };
  }
}

/** Opens a TCP connection and closes it again: is anything listening there? */
export function connectTcp(address: string, port: number, timeoutMs: number): Promise<TcpResult> {
  const started = performance.now();
  // isIP tries the short IPv4 pattern first; isIPv6 alone would compile Node's long IPv6 pattern
  // for every IPv4 address, a cost a cold CLI run pays once.
  const doing = `connecting to ${net.isIP(address) === 6 ? `[${address}]` : address}:${port}`;
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (error: ProbeError | null) => {
      socket.destroy();
      resolve({
        address,
        port,
        connectMs: error ? null : Math.round(performance.now() - started),
        error: error?.toData() ?? null,
      });
    };
    socket.setTimeout(timeoutMs, () =>
      done(new ProbeError(ProbeErrorCode.Timeout, `${doing}: no answer in ${timeoutMs} ms`)),
    );
    socket.once('connect', () => done(null));
    socket.once('error', (error) => done(toProbeError(error, doing)));
  });
}

/**
 * Fetches the certificate chain without trusting it, so an expired or self-signed certificate can be
 * described rather than merely refused. Node's `authorized` ignores the hostname, so the name is
 * checked separately with `tls.checkServerIdentity`.
 */
export function inspectTls(
  address: string,
  servername: string,
  port: number,
  timeoutMs: number,
): Promise<TlsResult> {
  const doing = `TLS handshake with ${servername}:${port}`;
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: address,
      port,
      // SNI must not be an IP literal (RFC 6066 §3).
      servername: net.isIP(servername) ? undefined : servername,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const fail = (error: ProbeError) => {
      socket.destroy();
      resolve({
        protocol: null,
        authorizationError: null,
        hostnameError: null,
        chain: [],
        error: error.toData(),
      });
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new ProbeError(ProbeErrorCode.Timeout, `${doing}: no answer in ${timeoutMs} ms`)),
    );
    socket.once('error', (error) => fail(toProbeError(error, doing)));
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      const hostnameError =
        peer && Object.keys(peer).length ? tls.checkServerIdentity(servername, peer) : undefined;
      const authError = socket.authorizationError;
      resolve({
        protocol: socket.getProtocol(),
        authorizationError: authError
          ? String((authError as { code?: string }).code ?? authError)
          : null,
        hostnameError: hostnameError ? hostnameError.message : null,
        chain: certificateChain(peer),
        error: null,
      });
      socket.end();
    });
  });
}

function certificateChain(leaf: DetailedPeerCertificate): Certificate[] {
  const chain: Certificate[] = [];
  const seen = new Set<string>();
  for (
    let cert: DetailedPeerCertificate | undefined = leaf;
    cert && Object.keys(cert).length && chain.length < 10;
    cert = cert.issuerCertificate
  ) {
    if (seen.has(cert.fingerprint256)) break; // a self-signed root is its own issuer
    seen.add(cert.fingerprint256);
    chain.push(describeCertificate(cert));
  }
  return chain;
}

function describeCertificate(cert: PeerCertificate): Certificate {
  const name = (n: Record<string, string | string[]> | undefined) =>
    n
      ? Object.entries(n)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
          .join(', ')
      : '';
  return {
    subject: name(cert.subject as unknown as Record<string, string>),
    issuer: name(cert.issuer as unknown as Record<string, string>),
    subjectAltNames: (cert.subjectaltname ?? '').split(/,\s*/).filter(Boolean),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
    selfSigned:
      name(cert.subject as unknown as Record<string, string>) ===
      name(cert.issuer as unknown as Record<string, string>),
  };
}
