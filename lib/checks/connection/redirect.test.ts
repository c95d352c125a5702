import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/report/schema';
import { runCheck } from '../define';
import { exchange, failedAt, noSession, response, transcript } from '../testing';

import check from './redirect';

const redirect = (status: number, location: string): NonNullable<Exchange['response']> => ({
  ...response(status, '', ''),
  headers: [['location', location]],
});

/** A 308 the client followed within the origin: the session opened on the second POST. */
const followed = (() => {
  const t = transcript();
  const hop = exchange({
    id: 'x0',
    rpc: { method: 'initialize', id: 0 },
    response: redirect(308, '/mcp/'),
  });
  const mcp = t.mcp as NonNullable<typeof t.mcp>;
  return transcript({
    exchanges: [hop, ...t.exchanges],
    mcp: {
      ...mcp,
      attempts: [
        { ...(mcp.attempts[0] as (typeof mcp.attempts)[number]), exchangeIds: ['x0', 'x1', 'x2'] },
      ],
    },
  });
})();

describe('connection.redirect', () => {
  it.each([
    {
      name: 'no redirect',
      t: transcript(),
      status: 'pass',
      code: null,
      severity: 'error',
      evidence: [],
    },
    {
      name: 'a 308 followed within the origin',
      t: followed,
      status: 'fail',
      code: 'followed',
      severity: 'warning',
      evidence: ['x0'],
    },
    {
      name: 'a 301 on the POST',
      t: noSession(redirect(301, 'https://example.com/mcp/')),
      status: 'fail',
      code: 'method-changing',
      severity: 'error',
      evidence: ['x1'],
    },
    {
      name: 'a 302 on the POST',
      t: noSession(redirect(302, '/login')),
      status: 'fail',
      code: 'method-changing',
      severity: 'error',
      evidence: ['x1'],
    },
    {
      name: 'a cross-origin 307 the client refused',
      t: noSession(redirect(307, 'https://other.example/mcp')),
      status: 'fail',
      code: 'not-followed',
      severity: 'error',
      evidence: ['x1'],
    },
    {
      name: 'no HTTP answer',
      t: noSession(null, { error: { code: 'connection-refused', message: 'ECONNREFUSED' } }),
      status: 'skipped',
      code: null,
      severity: 'error',
      evidence: [],
    },
    {
      name: 'no MCP request',
      t: failedAt(
        'dns',
        { code: 'dns-not-found', message: 'ENOTFOUND' },
        { mcp: null, exchanges: [] },
      ),
      status: 'skipped',
      code: null,
      severity: 'error',
      evidence: [],
    },
  ])('$name → $status $code', ({ t, status, code, severity, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.severity).toBe(severity);
    expect(result.evidence).toEqual(evidence);
  });

  it('shows the Location, resolved against the request URL', () => {
    expect(runCheck(check, followed).message).toContain(
      'redirected (HTTP 308) to https://example.com/mcp/',
    );
    expect(runCheck(check, noSession(redirect(302, '/login'))).fix).toContain(
      'https://example.com/login',
    );
  });

  it('says when the redirect goes from http to https', () => {
    const t = noSession(redirect(301, 'https://example.com/mcp'), {
      overrides: { target: { ...transcript().target, url: 'http://example.com/mcp' } },
    });
    t.exchanges = t.exchanges.map((x) => ({
      ...x,
      request: { ...x.request, url: 'http://example.com/mcp' },
    }));
    expect(runCheck(check, t).message).toContain('(http → https)');
  });
});
