import { addressScope } from '@/lib/net/address';
import type { FindingItem } from '@/lib/report/schema';
import { OPENING_METHOD } from '@/lib/report/schema-exposure';
import { blocked, defineCheck, notApplicable, pass } from '../define';
import { VERIFY, blockedByHandshake, withoutConnection } from '../shared/blocked';

const CODES = ['foreign-host-accepted', 'foreign-origin-accepted'] as const;

const LOCAL = new Set(['loopback', 'private', 'unique-local', 'link-local', 'cgnat']);

/**
 * A server on the user's machine or network that answers any Origin and any Host can be driven by
 * any web page the user opens: directly, or through DNS rebinding. MCP 2025-11-25 and 2026-07-28
 * transports, security: servers MUST validate the Origin header and SHOULD bind to localhost only
 * (the official conformance suite's `localhost-host-rebinding-rejected`). A warning: it blocks no
 * client, it exposes the user. A 2026-07-28-only server is asked with `server/discover`.
 */
export default defineCheck({
  id: 'connection.local-exposure',
  area: 'connection',
  group: 'security',
  severity: 'warning',
  title: 'The local server refuses foreign Origin and Host headers',
  failureTitle: 'The local server answers requests from any web page',
  fix: 'Refuse (403) a request whose Origin is not yours, and (421 or 403) one whose Host is not localhost/127.0.0.1 with your port. TypeScript SDK: createMcpExpressApp({ host: "127.0.0.1" }) validates Host for you (or pass allowedHosts); with your own app, add the SDK\'s hostHeaderValidation middleware or enableDnsRebindingProtection with allowedHosts/allowedOrigins on the transport. Python SDK: FastMCP(..., host="127.0.0.1") enables it, or set transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=["127.0.0.1:*", "localhost:*"], allowed_origins=["http://localhost:*"]). Bind to 127.0.0.1, not 0.0.0.0.',
  docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning',
  codes: CODES,
  run(t) {
    if (!t.tcp?.address) return withoutConnection(t, 'no connection was made to the target');
    const scope = addressScope(t.tcp.address);
    if (!LOCAL.has(scope))
      return notApplicable(
        `skipped: ${t.tcp.address} is a ${scope} address; web pages reach only local servers through the browser`,
      );
    const exposure = t.exposure;
    if (!exposure) {
      const opened = t.mcp?.attempts.some((a) => !a.guessed && a.ok);
      if (!opened)
        return blockedByHandshake(t, 'the foreign Origin and Host requests were not sent');
      return blocked(
        'connection.initialize',
        'skipped: the run was recorded before the foreign Origin and Host requests existed',
        'Check again to send them.',
      );
    }
    const method = OPENING_METHOD[exposure.era ?? 'legacy'];
    const answered = exposure.attempts.filter((a) => a.status !== null);
    const accepted = answered.filter((a) => a.accepted);
    if (accepted.length) {
      const items: FindingItem[] = accepted.map((a) => ({
        subject: a.kind === 'host' ? `Host: ${a.host}` : `Origin: ${a.origin}`,
        detail: `${method} with ${a.kind === 'host' ? `Host ${a.host} and Origin ${a.origin}` : `Origin ${a.origin}`} answered HTTP ${a.status}`,
        evidence: a.exchangeId ? [a.exchangeId] : [],
      }));
      const host = accepted.some((a) => a.kind === 'host');
      return {
        status: 'fail',
        code: host ? 'foreign-host-accepted' : 'foreign-origin-accepted',
        message: `The ${scope} server at ${t.tcp.address} accepted ${method} ${host ? `with Host ${accepted.find((a) => a.kind === 'host')?.host}` : `from Origin ${accepted[0]?.origin}`}: any web page the user opens could drive it${host ? ' through DNS rebinding' : ''}`,
        evidence: items.flatMap((i) => i.evidence ?? []),
        items,
      };
    }
    if (answered.length < exposure.attempts.length)
      return blocked(
        'connection.tcp',
        `skipped: ${exposure.attempts.length - answered.length} of the foreign Origin/Host requests got no answer (${exposure.attempts.find((a) => a.error)?.error?.message ?? 'no reason'})`,
        VERIFY.connection,
      );
    return pass(
      `A foreign Origin and a foreign Host were refused (${answered.map((a) => `HTTP ${a.status}`).join(', ')})`,
    );
  },
});
