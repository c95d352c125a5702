import { readFileSync } from 'node:fs';

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * Counts from Vitest's JSON reporter (Jest's shape). A test file that failed to load has no test
 * results of its own; it counts as one failure so that it cannot vanish from the total.
 */
export function vitestCounts(path) {
  const report = readJson(path);
  if (!report) return null;
  const unloaded = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + unloaded,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/**
 * Counts from Playwright's JSON reporter: `expected` passed, `flaky` passed on retry, `unexpected`
 * failed. Errors outside any test (the web server did not start, a spec did not load) count as
 * failures.
 */
export function playwrightCounts(path) {
  const report = readJson(path);
  if (!report?.stats) return null;
  const { expected = 0, flaky = 0, unexpected = 0, skipped = 0 } = report.stats;
  return {
    passed: expected + flaky,
    failed: unexpected + (report.errors ?? []).length,
    skipped,
  };
}
