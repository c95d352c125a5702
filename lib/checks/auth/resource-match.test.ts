import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import check from './resource-match';
import { authTranscript, json, openTranscript } from './support/fixtures';

const withResource = (resource: unknown) =>
  authTranscript((a) => {
    json(a, 'protected-resource').resource = resource;
  });

describe('auth.resource-match', () => {
  it.each([
    ['https://example.com/mcp', 'pass', null, 'error'],
    // The SDK's checkResourceAllowed refuses a configured path longer than the requested one.
    ['https://example.com/mcp/', 'fail', 'trailing-slash', 'error'],
    ['https://example.com', 'fail', 'prefix-only', 'warning'],
    ['https://example.com/other', 'fail', 'not-a-prefix', 'error'],
    ['https://example.com/mc', 'fail', 'not-a-prefix', 'error'],
    ['https://api.example.com/mcp', 'fail', 'other-origin', 'error'],
    ['http://example.com/mcp', 'fail', 'other-origin', 'error'],
  ])('resource %s → %s %s', (resource, status, code, severity) => {
    const r = runCheck(check, withResource(resource));
    expect(r).toMatchObject({ status, code, severity });
    if (status === 'fail') expect(r.evidence).toEqual(['x2']);
  });

  it('is skipped without metadata, or without a resource URL', () => {
    expect(runCheck(check, openTranscript()).status).toBe('skipped');
    expect(
      runCheck(
        check,
        authTranscript((a) => void (a.documents = [])),
      ).status,
    ).toBe('skipped');
    expect(runCheck(check, withResource(42)).status).toBe('skipped');
  });
});
