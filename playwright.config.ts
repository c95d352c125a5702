import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * A free loopback port for the app under test, chosen once: the runner loads this file first and
 * sets the variable, and its workers, which load it again, inherit it. A fixed port failed the
 * whole suite at once whenever something else (a developer's own dashboard) held it.
 */
process.env.MCP_DOCTOR_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
])
  .toString()
  .trim();
const PORT = Number(process.env.MCP_DOCTOR_E2E_PORT);
const ORIGIN = `http://localhost:${PORT}`;
process.env.MCP_DOCTOR_E2E_ORIGIN = ORIGIN;
// A fresh SQLite store for each run (the path names this process, which starts the server), and
// never the PostgreSQL cluster CI starts for the store's own tests.
const E2E_DB = path.join(os.tmpdir(), `mcp-doctor-e2e-${process.pid}`, 'store.db');

/**
 * e2e against the production app, on the free port chosen above. This config does not build: the test script (`npm test`) runs
 * `next build` first, so `.next` must exist before `npx playwright test`. The server is started as
 * `node …/next start` rather than `npx next start`, which leaves `next-server` holding the port
 * when killed. Chromium is Debian's (`/usr/bin/chromium`), never a downloaded one.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Kept outside test-results/, which Playwright empties on every run.
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  use: {
    baseURL: ORIGIN,
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${PORT}`,
    url: ORIGIN,
    reuseExistingServer: false,
    timeout: 60_000,
    // Samples are served by the app itself and checked through their public URL.
    // The suite starts many diagnoses from one client: the per-client rate limit is for a deployed
    // dashboard (e2e/security.spec.ts checks it on a server of its own).
    env: {
      MCP_DOCTOR_ORIGIN: ORIGIN,
      NEXT_TELEMETRY_DISABLED: '1',
      MCP_DOCTOR_RATE_PER_MINUTE: '6000',
      MCP_DOCTOR_RATE_BURST: '1000',
      MCP_DOCTOR_DB: E2E_DB,
      DATABASE_URL: '',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
