import { isRecord } from '@/lib/json/is-record';
import { defineCheck, pass } from '../define';
import { modernLegOf } from '../shared/blocked';
import { MODERN_ERROR_CODES } from '../shared/protocol-era';
import { described, isRefusal, refusalOf } from '../shared/refusal';

/**
 * A client asking for a version the server does not speak must learn which it does: 400 with
 * -32022 UnsupportedProtocolVersionError listing `data.supported` (MCP 2026-07-28 "Protocol
 * Version Negotiation"). Without the list, a client newer or older than the server cannot pick a
 * version and retry. The eras step asked for version 1900-01-01.
 */
export default defineCheck({
  id: 'connection.version-refusal',
  area: 'connection',
  severity: 'warning',
  title: 'An unsupported version is refused, naming the supported ones',
  failureTitle: 'An unsupported version is not refused the way clients can recover from',
  fix: 'Answer a request whose MCP-Protocol-Version you do not support with HTTP 400 and JSON-RPC error -32022, data: { supported: ["2026-07-28", …], requested: "<the version asked for>" }.',
  docs: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#protocol-version-negotiation',
  codes: ['accepted', 'wrong-refusal', 'no-supported-list'],
  run(t) {
    const found = modernLegOf(t);
    if ('outcome' in found) return found.outcome;
    const refusal = refusalOf(t, found.leg, 'unsupportedVersion');
    if (!isRefusal(refusal)) return refusal;
    const evidence = [refusal.exchange.id];
    if (refusal.status !== null && refusal.status >= 200 && refusal.status < 300) {
      return {
        status: 'fail',
        code: 'accepted',
        message: `A request for protocol version 1900-01-01 was answered ${described(refusal)}: the server does not check the version it is asked for.`,
        evidence,
      };
    }
    if (
      refusal.status !== 400 ||
      refusal.error?.code !== MODERN_ERROR_CODES.UnsupportedProtocolVersion
    ) {
      return {
        status: 'fail',
        code: 'wrong-refusal',
        message: `A request for protocol version 1900-01-01 was refused ${described(refusal)}, not with HTTP 400 and -32022 UnsupportedProtocolVersion.`,
        evidence,
      };
    }
    const data = refusal.error.data;
    const supported = isRecord(data) && Array.isArray(data.supported) ? data.supported : null;
    if (!supported?.length) {
      return {
        status: 'fail',
        code: 'no-supported-list',
        message:
          'The -32022 refusal has no data.supported list: a client cannot tell which version to retry with.',
        evidence,
      };
    }
    return pass(
      `An unsupported version is refused with -32022, naming ${supported.slice(0, 5).map(String).join(', ')}`,
    );
  },
});
