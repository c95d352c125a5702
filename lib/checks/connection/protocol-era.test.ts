import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { modernRun, noSession, response, rpcBody, transcript } from '../testing';
import check from './protocol-era';

describe('connection.protocol-era', () => {
  it('passes a server of the 2025 handshake, naming its version', () => {
    const result = runCheck(check, transcript());
    expect(result).toMatchObject({ status: 'pass' });
    expect(result.message).toContain('2025-06-18');
  });

  it('passes a dual-era server, naming both', () => {
    const result = runCheck(check, modernRun({ legacy: true }));
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/both eras.*2026-07-28.*2025-06-18/);
  });

  it('fails a server that speaks only 2026-07-28, with the discover answer and the refusal as evidence', () => {
    const result = runCheck(check, modernRun({ legacy: false }));
    expect(result).toMatchObject({
      status: 'fail',
      severity: 'error',
      code: 'modern-only',
      evidence: ['xd', 'x1'],
    });
    expect(result.message).toContain('-32022 UnsupportedProtocolVersion');
    expect(result.message).toContain('versions: 2026-07-28');
  });

  it('is blocked when neither era answered', () => {
    const result = runCheck(check, noSession(response(404, 'Not Found', 'text/plain')));
    expect(result).toMatchObject({
      status: 'skipped',
      skip: { cause: 'blocked', owner: 'connection.status' },
    });
  });

  it('fails a 2026-07-28 refusal of initialize even when server/discover did not answer', () => {
    const refused = noSession(
      response(
        400,
        rpcBody(0, { error: { code: -32020, message: 'Missing required header: Mcp-Method' } }),
      ),
    );
    const result = runCheck(check, refused);
    expect(result).toMatchObject({ status: 'fail', code: 'modern-only', evidence: ['x1'] });
    expect(result.message).toContain('-32020 HeaderMismatch');
  });
});
