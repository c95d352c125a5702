import { ProbeErrorCode } from '@/lib/report/schema-base';
import { blocked, defineCheck, pass } from '../define';

/** Nothing else can be checked when the host name does not resolve. */
export default defineCheck({
  id: 'connection.dns',
  area: 'connection',
  severity: 'error',
  title: 'The host name resolves',
  failureTitle: 'The host name does not resolve',
  fix: 'Check the host name for typos; for a new domain, check its DNS record (A/AAAA or CNAME) exists and has propagated; for a tunnel, check the tunnel URL is still the current one.',
  docs: 'https://www.rfc-editor.org/rfc/rfc1034',
  codes: ['not-found', 'timeout', 'failed'],
  run(t) {
    if (!t.dns) {
      const step = t.steps.find((s) => s.id === 'dns');
      return blocked('connection.url', step?.summary ?? 'skipped: the host was not resolved');
    }
    const { hostname, addresses, error } = t.dns;
    if (error) {
      const code =
        error.code === ProbeErrorCode.DnsNotFound
          ? 'not-found'
          : error.code === ProbeErrorCode.Timeout
            ? 'timeout'
            : 'failed';
      const what =
        code === 'not-found'
          ? 'does not exist in DNS'
          : code === 'timeout'
            ? 'did not resolve in time'
            : 'could not be resolved';
      return { status: 'fail', code, message: `${hostname} ${what} (${error.message}).` };
    }
    return pass(`${hostname} → ${addresses.map((a) => a.address).join(', ')}`);
  },
});
