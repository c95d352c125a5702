import { describe, expect, it } from 'vitest';
import type { Transcript } from '@/lib/report/schema';
import { runCheck } from '../define';
import { failedAt, noSession, transcript } from '../testing';
import check from './protocol-version';

const speaking = (protocolVersion: unknown, base: Transcript = transcript()): Transcript => {
  const mcp = base.mcp as NonNullable<Transcript['mcp']>;
  return {
    ...base,
    mcp: {
      ...mcp,
      initializeResult: { ...(transcript().mcp?.initializeResult as object), protocolVersion },
    },
  };
};

describe('connection.protocol-version', () => {
  it.each([
    {
      name: '2025-11-25',
      t: speaking('2025-11-25'),
      status: 'pass',
      code: null,
      severity: 'warning',
      evidence: [],
    },
    {
      name: '2025-03-26',
      t: speaking('2025-03-26'),
      status: 'pass',
      code: null,
      severity: 'warning',
      evidence: [],
    },
    {
      name: '2024-11-05',
      t: speaking('2024-11-05'),
      status: 'fail',
      code: 'outdated',
      severity: 'warning',
      evidence: ['x1'],
    },
    {
      name: 'an unknown version on an open session',
      t: speaking('2030-01-01'),
      status: 'fail',
      code: 'unknown-version',
      severity: 'warning',
      evidence: ['x1'],
    },
    {
      name: 'an unknown version the client refused',
      t: speaking('2030-01-01', noSession(null)),
      status: 'fail',
      code: 'unknown-version',
      severity: 'error',
      evidence: ['x1'],
    },
    {
      name: 'no protocolVersion string',
      t: speaking(20250618),
      status: 'skipped',
      code: null,
      severity: 'warning',
      evidence: [],
    },
    {
      name: 'no InitializeResult',
      t: failedAt('dns', { code: 'dns-not-found', message: 'ENOTFOUND' }, { mcp: null }),
      status: 'skipped',
      code: null,
      severity: 'warning',
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, severity, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe(severity);
    expect(result.evidence).toEqual(evidence);
  });

  it('names the version', () => {
    expect(runCheck(check, speaking('2024-11-05')).message).toContain('MCP 2024-11-05');
    expect(runCheck(check, speaking('2030-01-01')).message).toContain('"2030-01-01"');
  });
});
