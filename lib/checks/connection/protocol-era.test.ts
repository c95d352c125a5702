import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { exchange, noSession, response, rpcBody, transcript } from '../testing';
import check from './protocol-era';

const rejected = (status: number, error: { code: number; message: string; data?: unknown }) =>
  noSession(response(status, rpcBody(0, { error })));

describe('connection.protocol-era', () => {
  it.each([
    { name: 'a handshake-era server', t: transcript(), status: 'pass', code: null, evidence: [] },
    {
      name: '400 UnsupportedProtocolVersion listing only 2026-07-28',
      t: rejected(400, {
        code: -32022,
        message: 'Unsupported protocol version',
        data: { supported: ['2026-07-28'], requested: '2025-11-25' },
      }),
      status: 'fail',
      code: 'modern-only',
      evidence: ['x1'],
    },
    {
      name: '400 HeaderMismatch (MCP-Protocol-Version missing)',
      t: rejected(400, { code: -32020, message: 'Missing required header: MCP-Protocol-Version' }),
      status: 'fail',
      code: 'modern-only',
      evidence: ['x1'],
    },
    {
      name: '404 with a JSON-RPC method-not-found body',
      t: rejected(404, { code: -32601, message: 'Method not found: initialize' }),
      status: 'fail',
      code: 'modern-only',
      evidence: ['x1'],
    },
    {
      name: 'server/discover answered',
      t: transcript({
        exchanges: [
          ...transcript().exchanges,
          exchange({
            id: 'x9',
            rpc: { method: 'server/discover', id: 9 },
            response: response(
              200,
              rpcBody(9, { result: { supportedVersions: ['2026-07-28'], capabilities: {} } }),
            ),
          }),
        ],
      }),
      status: 'fail',
      code: 'modern-only',
      evidence: ['x9'],
    },
    {
      name: '400 -32022 that also lists a handshake-era version (not modern-only)',
      t: rejected(400, {
        code: -32022,
        message: 'Unsupported protocol version',
        data: { supported: ['2026-07-28', '2025-06-18'] },
      }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'a legacy 400',
      t: rejected(400, { code: -32600, message: 'Invalid Request' }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
    {
      name: 'no HTTP answer',
      t: noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
      status: 'skipped',
      code: null,
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe('warning');
    expect(result.evidence).toEqual(evidence);
  });

  it('names the error and the versions the server supports', () => {
    const result = runCheck(
      check,
      rejected(400, {
        code: -32022,
        message: 'Unsupported protocol version',
        data: { supported: ['2026-07-28'], requested: '2025-11-25' },
      }),
    );
    expect(result.message).toBe(
      'The server speaks only the stateless MCP 2026-07-28 protocol: it rejected initialize with HTTP 400 and -32022 UnsupportedProtocolVersion ("Unsupported protocol version"); it supports 2026-07-28.',
    );
  });
});
