import { bareHost } from '@/lib/net/address';
import { failed, ok, type ProbeStep } from '../context';
import { resolveHost } from '../network';

/** Every address the host resolves to: a name that does not resolve ends the run. */
export const dnsStep: ProbeStep = {
  id: 'dns',
  async run({ url, transcript, dial, limits }) {
    const host = bareHost(url);
    transcript.dns = await resolveHost(host, dial.resolve, limits.dnsTimeoutMs);
    const { addresses, error } = transcript.dns;
    if (error) return failed(error, `skipped: ${host} did not resolve`);
    return ok(`${host} → ${addresses.map((a) => a.address).join(', ')}`);
  },
};
