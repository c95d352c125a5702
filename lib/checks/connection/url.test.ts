import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { transcript } from '../testing';
import check from './url';

const target = (overrides: Partial<ReturnType<typeof transcript>['target']>) =>
  transcript({ target: { ...transcript().target, ...overrides } });

describe('connection.url', () => {
  it.each([
    { name: 'a plain https URL', t: transcript(), status: 'pass', code: null },
    {
      name: 'credentials in the URL',
      t: target({ url: 'https://***:***@example.com/mcp', credentialsInUrl: true }),
      status: 'fail',
      code: 'credentials-in-url',
    },
    { name: 'a fragment', t: target({ fragment: 'tools' }), status: 'fail', code: 'fragment' },
  ])('$name → $status $code', ({ t, status, code }) => {
    const result = runCheck(check, t);
    expect(result.status).toBe(status);
    expect(result.code).toBe(code);
    expect(result.evidence).toEqual([]);
    if (code === 'fragment') expect(result.message).toContain('#tools');
  });
});
