import { readFileSync } from 'node:fs';

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

const relative = (file) => (file ?? '').replace(process.cwd() + '/', '');

/**
 * Counts from Vitest's JSON reporter (Jest's shape), with the name of each failure so that the
 * summary's tail says what broke. A test file that failed to load has no test results of its own;
 * it counts as one failure so that it cannot vanish from the total.
 */
export function vitestCounts(path) {
  const report = readJson(path);
  if (!report) return null;
  const failures = [];
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && tests.length === 0) {
      failures.push(`${relative(file.name)}: did not load`);
    }
    for (const test of tests) {
      if (test.status === 'failed') failures.push(`${relative(file.name)} › ${test.fullName}`);
    }
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: failures.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    failures,
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
  const failures = (report.errors ?? []).map((error) => `outside any test: ${firstLine(error)}`);
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') {
          failures.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return {
    passed: expected + flaky,
    failed: unexpected + (report.errors ?? []).length,
    skipped,
    failures,
  };
}

const firstLine = (error) => String(error?.message ?? error).split('\n')[0];
