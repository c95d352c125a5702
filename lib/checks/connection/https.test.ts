import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { transcript } from '../testing';
import check from './https';

const at = (url: string) => transcript({ target: { ...transcript().target, url } });

describe('connection.https', () => {
  it.each([
    { name: 'https', t: at('https://example.com/mcp'), status: 'pass', code: null, evidence: [] },
    {
      name: 'plain http on loopback',
      t: at('http://localhost:3000/mcp'),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'plain http on [::1]',
      t: at('http://[::1]:3000/mcp'),
      status: 'pass',
      code: null,
      evidence: [],
    },
    {
      name: 'plain http on a public host',
      t: at('http://example.com/mcp'),
      status: 'fail',
      code: 'plain-http',
      evidence: ['x1'],
    },
    {
      name: 'plain http on a private address',
      t: at('http://10.0.0.5:8080/mcp'),
      status: 'fail',
      code: 'plain-http',
      evidence: ['x1'],
    },
    {
      name: 'a URL that does not parse',
      t: at('not a url'),
      status: 'skipped',
      code: null,
      evidence: [],
    },
  ])('$name → $status', ({ t, status, code, evidence }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.evidence).toEqual(evidence);
  });

  it('names the origin it saw', () => {
    expect(runCheck(check, at('http://example.com/mcp')).message).toContain('http://example.com');
  });
});
