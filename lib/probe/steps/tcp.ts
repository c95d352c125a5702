import { bareHost } from '@/lib/net/address';
import { decideAddresses } from '@/lib/net/ssrf-policy';
import { failed, ok, type ProbeStep } from '../context';
import { ProbeErrorCode } from '../errors';
import { connectTcp } from '../network';

/** Addresses tried before giving up: enough for a dual-stack host with a dead first address. */
const MAX_ADDRESSES = 3;

export const portOf = (url: URL): number =>
  Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

/**
 * Is anything listening? The address policy is decided first (MCP_DOCTOR_BLOCK_PRIVATE), on every
 * address the name resolved to; then the first addresses are tried until one accepts.
 */
export const tcpStep: ProbeStep = {
  id: 'tcp',
  async run({ url, transcript, dial, limits }) {
    const host = bareHost(url);
    const port = portOf(url);
    const addresses = transcript.dns?.addresses ?? [];
    const decision = decideAddresses(
      addresses.map((a) => a.address),
      dial,
    );
    if (!decision.allowed) {
      const error = {
        code: ProbeErrorCode.BlockedByPolicy,
        message: `blocked by policy: ${decision.reason}`,
      };
      return failed(error, 'skipped: the address is blocked by policy');
    }
    for (const { address } of addresses.slice(0, MAX_ADDRESSES)) {
      transcript.tcp = await connectTcp(address, port, limits.connectTimeoutMs);
      if (!transcript.tcp.error) break;
    }
    const tcp = transcript.tcp;
    if (!tcp || tcp.error) {
      const error = tcp?.error ?? {
        code: ProbeErrorCode.ConnectFailed,
        message: `no address to connect to for ${host}`,
      };
      return failed(error, `skipped: nothing accepted a connection on port ${port}`);
    }
    return ok(`connected to ${tcp.address}:${port} in ${tcp.connectMs} ms`);
  },
};
