import { bareHost } from '@/lib/net/address';
import { failed, ok, skipped, type ProbeStep } from '../context';
import { ProbeErrorCode } from '../errors';
import { inspectTls } from '../network';
import { portOf } from './tcp';

/**
 * The certificate chain, as a client sees it. A certificate the client would refuse is recorded
 * but does not end the run: the MCP request itself then shows how the failure reaches a client.
 */
export const tlsStep: ProbeStep = {
  id: 'tls',
  async run({ url, transcript, limits }) {
    if (url.protocol !== 'https:') return skipped('skipped: plain http, no TLS');
    const host = bareHost(url);
    const address = transcript.tcp?.address ?? host;
    const tls = await inspectTls(address, host, portOf(url), limits.connectTimeoutMs);
    transcript.tls = tls;
    if (tls.error) return failed(tls.error);
    const untrusted = tls.authorizationError ?? tls.hostnameError;
    if (untrusted) {
      return failed(
        { code: ProbeErrorCode.TlsFailed, message: untrusted },
        undefined,
        `certificate not trusted: ${untrusted}`,
      );
    }
    const leaf = tls.chain[0];
    return ok(
      `${tls.protocol ?? 'TLS'}, certificate for ${leaf?.subject ?? host} valid until ${leaf?.validTo.slice(0, 10) ?? '?'}`,
    );
  },
};
