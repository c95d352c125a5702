import { ProbeErrorCode } from '@/lib/report/schema-base';
import { defineCheck, pass } from '../define';
import { withoutConnection } from '../shared/blocked';
import { handshakeVerdict, networkErrorOwner } from '../shared/handshake';

const TCP_CODES = ['refused', 'reset', 'timeout', 'blocked-by-policy', 'unreachable'] as const;
type TcpCode = (typeof TCP_CODES)[number];

const CODES: Partial<Record<ProbeErrorCode, { code: TcpCode; what: string }>> = {
  'connection-refused': {
    code: 'refused',
    what: 'refused the connection: nothing is listening on that port',
  },
  'connection-reset': { code: 'reset', what: 'reset the connection' },
  timeout: { code: 'timeout', what: 'did not accept a connection in time' },
  'blocked-by-policy': {
    code: 'blocked-by-policy',
    what: 'is on an address this dashboard does not connect to',
  },
};

function describe(errorCode: ProbeErrorCode): { code: TcpCode; what: string } {
  return CODES[errorCode] ?? { code: 'unreachable', what: 'could not be reached' };
}

/** A server that is not running, or listens on another port, fails here before any HTTP. */
export default defineCheck({
  id: 'connection.tcp',
  area: 'connection',
  severity: 'error',
  title: 'The server accepts connections',
  failureTitle: 'The server does not accept connections',
  fix: 'Is the server running, and listening on this port and on an interface the client can reach (0.0.0.0 rather than 127.0.0.1 inside a container)? Check firewalls and the port in the URL.',
  docs: 'https://www.rfc-editor.org/rfc/rfc9293',
  codes: TCP_CODES,
  run(t) {
    const step = t.steps.find((s) => s.id === 'tcp');
    // The SSRF guard refuses the address before any connection (MCP_DOCTOR_BLOCK_PRIVATE=1), so
    // there is no TCP result: still a failure, or a target never reached would read as healthy.
    if (!t.tcp && step?.status === 'failed' && step.error) {
      const { code, what } = describe(step.error.code);
      return {
        status: 'fail',
        code,
        message: `${t.dns?.hostname ?? 'the host'} ${what} (${step.error.message}).`,
      };
    }
    if (!t.tcp) {
      return withoutConnection(
        t,
        step?.status === 'skipped'
          ? step.summary.replace(/^skipped: /, '')
          : 'no connection was attempted',
      );
    }
    const host = t.dns?.hostname ?? t.tcp.address;
    const where = `${host}${host === t.tcp.address ? '' : ` (${t.tcp.address})`} port ${t.tcp.port}`;
    if (t.tcp.error) {
      const { code, what } = describe(t.tcp.error.code);
      return { status: 'fail', code, message: `${where} ${what} (${t.tcp.error.message}).` };
    }
    // The connection test passed, but the MCP request itself may still have been refused or reset.
    const verdict = handshakeVerdict(t);
    if (verdict.kind === 'no-answer') {
      const error = verdict.exchange?.error ?? verdict.attempt.error;
      if (error && networkErrorOwner(error.code) === 'connection.tcp') {
        const { code, what } = describe(error.code);
        return {
          status: 'fail',
          code,
          message: `${where} ${what} during the initialize request (${error.message}).`,
          evidence: verdict.exchange ? [verdict.exchange.id] : [],
        };
      }
    }
    return pass(
      `connected to ${where}${t.tcp.connectMs === null ? '' : ` in ${t.tcp.connectMs} ms`}`,
    );
  },
});
