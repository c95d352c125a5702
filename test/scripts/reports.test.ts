import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from '../../scripts/lib/reports.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
const write = (name: string, report: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(report));
  return file;
};

describe('vitestCounts', () => {
  it('names each failed test and each file that did not load', () => {
    const file = write('vitest.json', {
      numPassedTests: 2,
      numFailedTests: 1,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        {
          name: `${process.cwd()}/test/a.test.ts`,
          status: 'failed',
          assertionResults: [
            { fullName: 'a passes', status: 'passed' },
            { fullName: 'a breaks', status: 'failed' },
          ],
        },
        { name: `${process.cwd()}/test/b.test.ts`, status: 'failed', assertionResults: [] },
        {
          name: `${process.cwd()}/test/c.test.ts`,
          status: 'passed',
          assertionResults: [{ fullName: 'c', status: 'passed' }],
        },
      ],
    });
    expect(vitestCounts(file)).toEqual({
      passed: 2,
      failed: 2,
      skipped: 0,
      failures: ['test/a.test.ts › a breaks', 'test/b.test.ts: did not load'],
    });
  });

  it('is null without a report', () => {
    expect(vitestCounts(path.join(dir, 'absent.json'))).toBeNull();
  });
});

describe('playwrightCounts', () => {
  it('names unexpected tests with their describe titles, and errors outside any test', () => {
    const file = write('playwright.json', {
      stats: { expected: 3, flaky: 1, unexpected: 1, skipped: 0 },
      errors: [{ message: 'webServer did not start\nmore detail' }],
      suites: [
        {
          title: 'x.spec.ts',
          specs: [{ title: 'top', file: 'x.spec.ts', line: 3, tests: [{ status: 'flaky' }] }],
          suites: [
            {
              title: 'dark theme',
              specs: [
                {
                  title: 'fits',
                  file: 'x.spec.ts',
                  line: 9,
                  tests: [{ status: 'unexpected' }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(playwrightCounts(file)).toEqual({
      passed: 4,
      failed: 2,
      skipped: 0,
      failures: ['outside any test: webServer did not start', 'x.spec.ts:9 › dark theme › fits'],
    });
  });
});
