import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { AUTH_SAMPLES } from '@/lib/samples/auth-samples';
import { samplePath } from '@/lib/samples/types';
import type { Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { authSamplesServer } from './auth-fixtures';

/** The auth checks that must fail for each sample: what its card says it demonstrates. */
const DECISIVE: Record<string, string[]> = {
  oauth: [],
  'oauth-no-resource-metadata': ['auth.challenge'],
  'oauth-resource-mismatch': ['auth.resource-match'],
  'oauth-no-pkce': ['auth.pkce'],
  'oauth-no-registration': ['auth.registration'],
  'oauth-wrong-issuer': ['auth.issuer'],
};

let server: Running;
beforeAll(async () => {
  server = await authSamplesServer();
});
afterAll(async () => {
  await server.close();
});

test('every Auth sample has its decisive checks listed here', () => {
  expect(AUTH_SAMPLES.map((s) => s.slug).sort()).toEqual(Object.keys(DECISIVE).sort());
});

describe.each(AUTH_SAMPLES.map((s) => [s.slug, s] as const))('the %s sample', (slug, sample) => {
  test(`shows ${JSON.stringify(sample.expected)} for its reason`, async () => {
    const report = await runHealthCheck(targetFor(server.origin + samplePath(sample)));
    expect(report.rows.find((r) => r.id === 'auth')?.status).toBe(sample.expected.auth);
    const failing = report.checks
      .filter((c) => c.area === 'auth' && c.status === 'fail' && c.severity !== 'info')
      .map((c) => c.id);
    expect(failing.sort()).toEqual(DECISIVE[slug]);
    expect(report.auth?.challenge?.status).toBe(401);
    if (sample.expected.auth === 'pass') {
      expect(report.rows.find((r) => r.id === 'auth')?.summary).toBe(
        `OAuth discovery works: authorization server ${server.origin}/samples/${slug}/oauth, PKCE S256, client registration.`,
      );
    }
  });
});
