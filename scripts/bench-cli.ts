/**
 * `npm run bench:cli`: the CLI as a CI job runs it (a new process each time) beside the MCP
 * Inspector's CLI, both started as `node <bin>` — no npx, whose own start-up would be added to one
 * side only — against the same loopback server, `@modelcontextprotocol/server-everything`. The
 * commands run paired and interleaved (one of each per round, the order rotating every round), so
 * both see the same machine load. Each sample is the whole process tree's wall time, CPU time and
 * peak resident memory; the medians and the ratio go to the terminal and to .reports/bench.json.
 *
 *   npm run bench:cli [-- --runs N] [-- --enforce]   (--enforce exits 1 when the target is missed)
 *
 * Target (issue 17): MCP Doctor's full four-row diagnosis in at most half the wall time of
 * `inspector --cli <url> --method tools/list`. The breakdown separates what a run pays for: Node
 * starting (`node -e 0`), loading MCP Doctor (`mcp-doctor --version`), and the first diagnosis.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEverythingServer } from './bench/everything-server';
import { mergeBenchReport } from './bench/report-file';
import { median } from './bench/stats';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    enforce: { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(10, Number(values.runs));
const WARMUP = 2;
const TARGET_RATIO = 0.5;

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'mcp-doctor-bench-'));
const require = createRequire(import.meta.url);

// Every Node process of a run appends its CPU time and peak RSS here on exit: the cost of a run is
// its whole process tree, should either tool start another process.
const usageFile = path.join(work, 'usage.ndjson');
const preload = path.join(work, 'usage.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').appendFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS }) + '\\n'); });\n`,
);

/** The Inspector's own entry point, from its package.json `bin` (its launcher imports the CLI client). */
function inspectorBin(): string {
  const manifest = require.resolve('@modelcontextprotocol/inspector/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const entry = bin['mcp-inspector'];
  if (!entry) throw new Error('@modelcontextprotocol/inspector has no mcp-inspector bin');
  return path.join(path.dirname(manifest), entry);
}

// The Inspector keeps a catalog and OAuth state under $HOME and reads its config there: give it
// an empty home of its own. Both tools get the same environment.
const home = path.join(work, 'home');
const ENV: Record<string, string> = {
  HOME: home,
  MCP_CATALOG_PATH: path.join(home, 'catalog.json'),
  MCP_CLIENT_CONFIG_PATH: path.join(home, 'client.json'),
  // Loopback only, whatever proxy the environment names.
  NO_PROXY: '*',
  no_proxy: '*',
  HTTP_PROXY: '',
  HTTPS_PROXY: '',
  http_proxy: '',
  https_proxy: '',
  // Never a browser, should anything want one (an OAuth prompt): `open` runs $BROWSER.
  BROWSER: 'true',
  MCP_DOCTOR_BLOCK_PRIVATE: '',
};

interface Output {
  code: number | null;
  stdout: string;
}

interface Command {
  id: 'node' | 'load' | 'doctor' | 'inspector';
  label: string;
  args: (url: string) => string[];
  /** Throws unless the output shows the run did its job (a failed run would be fast). */
  verify(output: Output): void;
}

const bin = path.join(root, 'bin/mcp-doctor.mjs');
const inspector = inspectorBin();
/**
 * The tools each side lists, which must not change between runs. MCP Doctor's must be among the
 * Inspector's; the Inspector lists one more, since the server adds `get-roots-list` for clients
 * that declare the roots capability (its dist/tools/index.js), which the Inspector does.
 */
const listed: Partial<Record<'doctor' | 'inspector', string[]>> = {};

function sameTools(side: 'doctor' | 'inspector', tools: { name: string }[]): void {
  const names = tools.map((t) => t.name).sort();
  listed[side] ??= names;
  expect(
    names.join() === listed[side].join(),
    `${side} listed ${names.length} tools, then ${listed[side].length}`,
  );
}
/** MCP Doctor's own `durationMs` of each measured diagnosis: the probe and checks, in-process. */
const diagnosisMs: number[] = [];

const COMMANDS: Command[] = [
  {
    id: 'node',
    label: 'node -e 0',
    args: () => ['-e', '0'],
    verify: ({ code }) => expect(code === 0, 'node -e 0 failed'),
  },
  {
    id: 'load',
    label: 'mcp-doctor --version',
    args: () => [bin, '--version'],
    verify: ({ code, stdout }) => expect(code === 0 && /^\d+\.\d+\.\d+/.test(stdout), stdout),
  },
  {
    id: 'doctor',
    label: 'mcp-doctor <url> --json',
    args: (url) => [bin, url, '--json'],
    verify: ({ code, stdout }) => {
      const report = JSON.parse(stdout) as {
        tools: { name: string }[];
        rows: { id: string; status: string }[];
        durationMs: number;
      };
      expect(code === 0 || code === 1, `exit ${code}`);
      expect(report.rows.length === 4, `${report.rows.length} rows`);
      sameTools('doctor', report.tools);
      const missing = report.tools.filter((t) => !listed.inspector?.includes(t.name));
      expect(missing.length === 0, `tools the Inspector does not list: ${missing.length}`);
      diagnosisMs.push(report.durationMs);
    },
  },
  {
    id: 'inspector',
    label: 'inspector --cli <url> --method tools/list',
    args: (url) => [inspector, '--cli', url, '--method', 'tools/list'],
    verify: ({ code, stdout }) => {
      const { tools } = JSON.parse(stdout) as { tools: { name: string }[] };
      expect(code === 0 && tools.length > 0, `exit ${code}, ${tools.length} tools`);
      sameTools('inspector', tools);
    },
  },
];

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

function run(command: Command, url: string): Promise<Sample> {
  writeFileSync(usageFile, '');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, command.args(url), {
      cwd: work,
      env: { ...process.env, ...ENV, NODE_OPTIONS: `--require ${preload}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      try {
        command.verify({ code, stdout });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return reject(new Error(`${command.label}: ${why}\n${stderr.slice(0, 500)}`));
      }
      const usage = readFileSync(usageFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { cpuUs: number; maxRssKb: number });
      resolve({
        wallMs,
        cpuMs: usage.reduce((sum, u) => sum + u.cpuUs, 0) / 1000,
        peakRssMb: Math.max(...usage.map((u) => u.maxRssKb)) / 1024,
      });
    });
  });
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<number> {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build:cli failed');

  const server = await startEverythingServer();
  const load = os.loadavg().map((n) => n.toFixed(1));
  console.log(
    `server-everything at ${server.url}; ${WARMUP} warm-up + ${RUNS} rounds, each command once a round, order rotating`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${load.join(' ')}\n`,
  );

  const samples = new Map<Command['id'], Sample[]>(COMMANDS.map((c) => [c.id, []]));
  const pairedRatios: number[] = [];
  try {
    // The Inspector goes first once, so the tools MCP Doctor must find are known.
    await run(COMMANDS[3] as Command, server.url);
    for (let round = 0; round < WARMUP + RUNS; round++) {
      const order = COMMANDS.map((_, i) => COMMANDS[(i + round) % COMMANDS.length] as Command);
      const roundSamples = new Map<Command['id'], Sample>();
      if (round === WARMUP) diagnosisMs.length = 0;
      for (const command of order) roundSamples.set(command.id, await run(command, server.url));
      if (round < WARMUP) continue;
      for (const [id, sample] of roundSamples) samples.get(id)?.push(sample);
      const ours = roundSamples.get('doctor');
      const theirs = roundSamples.get('inspector');
      if (ours && theirs) pairedRatios.push(ours.wallMs / theirs.wallMs);
    }
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }

  const rows = COMMANDS.map((command) => {
    const s = samples.get(command.id) ?? [];
    return {
      id: command.id,
      command: command.label,
      wallMs: median(s.map((x) => x.wallMs)),
      cpuMs: median(s.map((x) => x.cpuMs)),
      peakRssMb: median(s.map((x) => x.peakRssMb)),
      samples: s,
    };
  });
  const row = (id: Command['id']) => rows.find((r) => r.id === id) as (typeof rows)[number];
  const width = Math.max(...rows.map((r) => r.command.length));
  console.log(`${'command'.padEnd(width)}  median wall   median CPU   peak RSS`);
  for (const r of rows) {
    console.log(
      `${r.command.padEnd(width)}  ${ms(r.wallMs).padStart(11)}  ${ms(r.cpuMs).padStart(11)}  ${`${r.peakRssMb.toFixed(0)} MB`.padStart(9)}`,
    );
  }

  const [node, loaded, doctor, theirs] = [
    row('node'),
    row('load'),
    row('doctor'),
    row('inspector'),
  ];
  const breakdown = {
    processStart: { wallMs: node.wallMs, cpuMs: node.cpuMs },
    moduleLoad: { wallMs: loaded.wallMs - node.wallMs, cpuMs: loaded.cpuMs - node.cpuMs },
    firstDiagnosis: { wallMs: doctor.wallMs - loaded.wallMs, cpuMs: doctor.cpuMs - loaded.cpuMs },
    inProcessDiagnosisMs: median(diagnosisMs),
  };
  console.log('\nMCP Doctor, where the time goes (differences of the medians above):');
  console.log(
    `  process start   ${ms(breakdown.processStart.wallMs).padStart(7)} wall  ${ms(breakdown.processStart.cpuMs).padStart(7)} CPU   (node -e 0)`,
  );
  console.log(
    `  module load     ${ms(breakdown.moduleLoad.wallMs).padStart(7)} wall  ${ms(breakdown.moduleLoad.cpuMs).padStart(7)} CPU   (--version minus node -e 0)`,
  );
  console.log(
    `  first diagnosis ${ms(breakdown.firstDiagnosis.wallMs).padStart(7)} wall  ${ms(breakdown.firstDiagnosis.cpuMs).padStart(7)} CPU   (<url> minus --version; the report's own durationMs: ${ms(breakdown.inProcessDiagnosisMs)})`,
  );

  const ratio = doctor.wallMs / theirs.wallMs;
  const cpuRatio = doctor.cpuMs / theirs.cpuMs;
  const paired = median(pairedRatios);
  const met = ratio <= TARGET_RATIO;
  console.log(
    `\nratio (wall): ${ratio.toFixed(2)}, paired ${paired.toFixed(2)} (CPU: ${cpuRatio.toFixed(2)}); target ≤ ${TARGET_RATIO}: ${met ? 'met' : 'MISSED'}`,
  );

  await mergeBenchReport('cli', {
    date: new Date().toISOString(),
    node: process.version,
    loadAverage: os.loadavg(),
    server: '@modelcontextprotocol/server-everything (streamableHttp)',
    tools: { doctor: listed.doctor?.length, inspector: listed.inspector?.length },
    warmup: WARMUP,
    rounds: RUNS,
    commands: rows,
    breakdown,
    ratio: { wall: ratio, pairedWall: paired, cpu: cpuRatio, target: TARGET_RATIO, met },
  });
  console.log('Written to .reports/bench.json (cli)');
  return met || !values.enforce ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
