// `npm test`: install when needed, then typecheck, lint, unit and integration tests, build and e2e.
// The last line is `N passed, N failed`, summed from the Vitest and Playwright JSON reports.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { ensureInstalled } from './lib/install.mjs';
import { playwrightCounts, vitestCounts } from './lib/reports.mjs';
import { NEXT_CLI, ROOT, bin, run } from './lib/run.mjs';

const REPORTS = `${ROOT}.reports`;
const VITEST_REPORT = `${REPORTS}/vitest.json`;
const PLAYWRIGHT_REPORT = `${REPORTS}/playwright.json`;
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** @type {{ name: string, status: 'passed' | 'failed' | 'not run', seconds?: number, note?: string }[]} */
const steps = [];

async function step(name, command, args, env) {
  const shown = [command, ...args].map((part) => part.replace(ROOT, '')).join(' ');
  console.log(`\n▶ ${name}: ${shown}`);
  const started = performance.now();
  const code = await run(command, args, { env });
  const seconds = (performance.now() - started) / 1000;
  steps.push({ name, status: code === 0 ? 'passed' : 'failed', seconds });
  return code === 0;
}

function finish(counts) {
  console.log('\nSteps:');
  for (const { name, status, seconds, note } of steps) {
    const time = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
    console.log(`  ${status.padEnd(7)} ${name}${time}${note ? `: ${note}` : ''}`);
  }
  const passed = counts.reduce((sum, c) => sum + (c?.passed ?? 0), 0);
  const failed = counts.reduce((sum, c) => sum + (c?.failed ?? 0), 0);
  const skipped = counts.reduce((sum, c) => sum + (c?.skipped ?? 0), 0);
  if (skipped > 0) console.log(`  ${skipped} test(s) skipped`);
  if (passed + failed === 0) console.log('  no test ran');
  const ok = steps.every((s) => s.status === 'passed') && failed === 0 && passed > 0;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

const env = { NEXT_TELEMETRY_DISABLED: '1' };

const installStarted = performance.now();
const installed = (await ensureInstalled()) === 0;
steps.push({
  name: 'install',
  status: installed ? 'passed' : 'failed',
  seconds: (performance.now() - installStarted) / 1000,
});
if (!installed) finish([]);

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
mkdirSync(REPORTS, { recursive: true });

await step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
await step('lint', bin('eslint'), [
  '.',
  '--cache',
  '--cache-location',
  `${ROOT}node_modules/.cache/eslint/`,
]);
await step(
  'unit and integration (vitest)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`],
  env,
);
const vitest = vitestCounts(VITEST_REPORT);
if (!vitest) console.error(`Vitest wrote no report at ${VITEST_REPORT}.`);

const built = await step('build (next build)', process.execPath, [NEXT_CLI, 'build'], env);

let playwright = null;
if (!existsSync(chromium)) {
  steps.push({
    name: 'e2e (playwright)',
    status: 'failed',
    note: `no Chromium at ${chromium}: install Debian's with \`apt-get install chromium\`, or set CHROMIUM_PATH`,
  });
} else if (!built) {
  steps.push({ name: 'e2e (playwright)', status: 'not run', note: 'the build failed' });
} else {
  // PLAYWRIGHT_JSON_OUTPUT_FILE is where the json reporter writes when the config names no file.
  await step('e2e (playwright)', bin('playwright'), ['test'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_REPORT,
  });
  playwright = playwrightCounts(PLAYWRIGHT_REPORT);
  if (!playwright) console.error(`Playwright wrote no report at ${PLAYWRIGHT_REPORT}.`);
}

finish([vitest, playwright]);
