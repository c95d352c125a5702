// `npm run bench`: wall time and peak memory of a full diagnosis (probe → checks → report) of
// loopback MCP servers, and the cost of one monitor's scheduled check. Each scenario runs in a
// child process against a server in this one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { healthyMcpServer, manyToolsServer } from '@/test/fixtures/servers';
import { startEverythingServer } from './bench/everything-server';
import type { ScheduledCheckResult } from './bench/scheduled-checks';
import { median, percentile, type ScenarioResult } from './bench/stats';
import { formatLoad, runLoad } from './load';

const WARMUP = 2;
const RUNS = 20;
const CHILD_TIMEOUT_MS = 10 * 60_000;
const ROOT = new URL('..', import.meta.url).pathname;

interface Scenario {
  name: string;
  tools: number;
  /** Issue 17's bound on the median diagnosis, printed as met or missed. */
  targetMs?: number;
  start: () => Promise<{ url: string; close(): Promise<void> }>;
}

const SCENARIOS: Scenario[] = [
  { name: 'healthy sample (3 tools)', tools: 3, start: healthyMcpServer },
  // A real server in a process of its own: the CPU per diagnosis is the diagnosing process's alone.
  { name: 'server-everything (13 tools)', tools: 13, start: startEverythingServer },
  { name: 'server with 500 tools', tools: 500, start: () => manyToolsServer(500) },
  { name: 'server with 5,000 tools', tools: 5_000, start: () => manyToolsServer(5_000, 1_000) },
  // Issue 17: a 10,000-tool server listed in full (the probe's bound) and diagnosed in under 2 s.
  {
    name: 'server with 10,000 tools',
    tools: 10_000,
    targetMs: 2_000,
    start: () => manyToolsServer(10_000, 1_000),
  },
];

function runScenario(url: string, tools: number): Promise<ScenarioResult> {
  return runChild<ScenarioResult>([
    'scripts/bench/diagnose-runs.ts',
    url,
    String(tools),
    String(WARMUP),
    String(RUNS),
  ]);
}

/** A script of scripts/bench in a process of its own; resolves with the JSON line it printed last. */
function runChild<T>(script: string[]): Promise<T> {
  const args = ['--import', 'tsx', ...script];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0)
        return reject(new Error(`scenario process ended with ${signal ?? `exit code ${code}`}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as T);
      } catch {
        reject(new Error(`scenario process printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

const rows = [];
for (const scenario of SCENARIOS) {
  const server = await scenario.start();
  try {
    const result = await runScenario(server.url, scenario.tools);
    rows.push({
      scenario: scenario.name,
      targetMs: scenario.targetMs ?? null,
      runs: result.timesMs.length,
      medianMs: median(result.timesMs),
      p95Ms: percentile(result.timesMs, 95),
      peakRssMb: result.peakRssMb,
      rssAfterLoadMb: result.rssAfterLoadMb,
      cpuMsPerDiagnosis: result.cpuMsPerDiagnosis,
      diagnosesPerSecond: result.diagnosesPerSecond,
      timesMs: result.timesMs,
    });
  } finally {
    await server.close();
  }
}

const fixed = (n: number) => n.toFixed(1);
const header = ['scenario', 'runs', 'median ms', 'p95 ms', 'CPU ms/diag', 'diag/s', 'peak RSS MB'];
const cells = rows.map((r) => [
  r.scenario,
  String(r.runs),
  fixed(r.medianMs),
  fixed(r.p95Ms),
  fixed(r.cpuMsPerDiagnosis),
  fixed(r.diagnosesPerSecond),
  fixed(r.peakRssMb),
]);
const widths = header.map((title, col) =>
  Math.max(title.length, ...cells.map((row) => row[col]?.length ?? 0)),
);
const line = (row: string[]) =>
  row
    .map((cell, col) =>
      col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
    )
    .join('  ');

const load = os.loadavg().map((n) => n.toFixed(1));
console.log(
  `runHealthCheck() over loopback HTTP: ${WARMUP} warm-up runs, then ${RUNS} measured runs`,
);
console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs, load average ${load.join(' ')} (other work skews times)\n`,
);
console.log(line(header));
for (const row of cells) console.log(line(row));
for (const r of rows) {
  if (r.targetMs === null) continue;
  const verdict = r.medianMs <= r.targetMs ? 'met' : 'missed';
  console.log(
    `${r.scenario}: median ${fixed(r.medianMs)} ms, target ≤ ${r.targetMs} ms: ${verdict}`,
  );
}
console.log(
  "\nPeak RSS: the high-water resident set size of the scenario's own process, which only runs the",
);
console.log(
  `diagnoses (process.resourceUsage().maxRSS); after loading the modules it was ${rows.map((r) => `${fixed(r.rssAfterLoadMb)} MB`).join(', ')}.`,
);

// One scheduled check of a monitor (scripts/bench/scheduled-checks.ts): tick, check, save, record.
const monitored = await healthyMcpServer();
let scheduledCheck;
try {
  const result = await runChild<ScheduledCheckResult>([
    'scripts/bench/scheduled-checks.ts',
    monitored.url,
    String(WARMUP),
    String(RUNS),
  ]);
  scheduledCheck = {
    checks: result.wallMs.length,
    medianWallMs: median(result.wallMs),
    p95WallMs: percentile(result.wallMs, 95),
    medianCpuMs: median(result.cpuMs),
    p95CpuMs: percentile(result.cpuMs, 95),
    peakRssMb: result.peakRssMb,
    wallMs: result.wallMs,
    cpuMs: result.cpuMs,
  };
} finally {
  await monitored.close();
}
console.log(
  `\nOne scheduled check of the healthy sample (tick, runHealthCheck, run saved to SQLite, check recorded), ${scheduledCheck.checks} checks in a warm process: wall median ${fixed(scheduledCheck.medianWallMs)} ms (p95 ${fixed(scheduledCheck.p95WallMs)}), CPU median ${fixed(scheduledCheck.medianCpuMs)} ms (p95 ${fixed(scheduledCheck.p95CpuMs)}), peak RSS ${fixed(scheduledCheck.peakRssMb)} MB.`,
);

// The load test (scripts/load.ts): 50 concurrent /api/check diagnoses against the app itself.
const loadTest = existsSync(`${ROOT}.next/BUILD_ID`)
  ? await runLoad({ count: 50, timeLimitMs: 120_000 })
  : null;
console.log(
  loadTest
    ? `\n${formatLoad(loadTest)}`
    : '\nload: skipped (no production build in .next: run `npm run build`)',
);

await mkdir(`${ROOT}.reports`, { recursive: true });
await writeFile(
  `${ROOT}.reports/bench.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      warmup: WARMUP,
      peakRss: 'process.resourceUsage().maxRSS of the scenario process',
      scenarios: rows,
      scheduledCheck,
      load: loadTest,
    },
    null,
    2,
  )}\n`,
);
console.log('Written to .reports/bench.json');
