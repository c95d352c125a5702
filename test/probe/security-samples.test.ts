import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { SECURITY_SAMPLES } from '@/lib/samples/security-samples';
import { samplePath } from '@/lib/samples/types';
import { samplesServer, type Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { LOOPBACK_ONLY, check, rowsIgnoringLoopback } from './support';

/** The checks that must fail (error or warning) for each security sample: exactly these. */
const DECISIVE: Record<string, string[]> = {
  'poisoned-tools': ['tools.smuggled-characters', 'tools.suspicious-instructions'],
  'widget-csp-gaps': ['widgets.csp-coverage'],
};

let samples: Running;
beforeAll(async () => {
  samples = await samplesServer();
});
afterAll(async () => {
  await samples.close();
});

test('every security sample has its decisive checks listed here', () => {
  expect(SECURITY_SAMPLES.map((s) => s.slug).sort()).toEqual(Object.keys(DECISIVE).sort());
});

describe.each(SECURITY_SAMPLES.map((s) => [s.slug, s] as const))(
  'the %s sample',
  (slug, sample) => {
    test(`shows ${JSON.stringify(sample.expected)}`, async () => {
      const report = await runHealthCheck(targetFor(samples.origin + samplePath(sample)));
      expect(rowsIgnoringLoopback(report)).toMatchObject(sample.expected);
      const failing = report.checks
        .filter((c) => c.status === 'fail' && c.severity !== 'info' && !LOOPBACK_ONLY.has(c.id))
        .map((c) => c.id);
      expect(failing.sort()).toEqual(DECISIVE[slug]);
    });
  },
);

test('the poisoned tools: smuggled characters are errors shown escaped, the <IMPORTANT> block a warning', async () => {
  const report = await runHealthCheck(targetFor(`${samples.origin}/samples/poisoned-tools/mcp`));
  const smuggled = check(report, 'tools.smuggled-characters');
  expect(smuggled).toMatchObject({ severity: 'error', group: 'security' });
  const details = smuggled.items.map((i) => i.detail).join('\n');
  expect(details).toContain('\\u200b');
  expect(details).toContain('\\u{e0041}');
  expect(details).not.toMatch(/[\u200b\u{e0000}-\u{e007f}]/u);
  expect(check(report, 'tools.suspicious-instructions')).toMatchObject({
    severity: 'warning',
    items: expect.arrayContaining([expect.objectContaining({ subject: 'add' })]),
  });
});

test('the CSP gaps widget: the undeclared origin with its line and key, the unused frame domain as info', async () => {
  const report = await runHealthCheck(targetFor(`${samples.origin}/samples/widget-csp-gaps/mcp`));
  const coverage = check(report, 'widgets.csp-coverage');
  expect(coverage).toMatchObject({ code: 'undeclared-connect', group: 'security' });
  const details = coverage.items.map((i) => i.detail);
  expect(details).toContainEqual(
    expect.stringMatching(
      /^https:\/\/telemetry\.example\.net is used by fetch at inline #1 line 11 .*add "https:\/\/telemetry\.example\.net" to ui\.csp\.connectDomains$/,
    ),
  );
  expect(details).toContainEqual(
    expect.stringContaining('ui.csp.frameDomains declares "https://maps.example.com"'),
  );
  expect(details.join('\n')).not.toContain('api.forecast.example.com is used');
});
