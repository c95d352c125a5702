/**
 * `npm run bench:cli`: the CLI's cold-start cost beside the MCP Inspector's CLI, against one local
 * server. Both run as CI runs them (a new process each time) against the healthy sample served on
 * 127.0.0.1, interleaved so both see the same machine load. Reports the median wall time, the
 * median CPU time of each process tree, and its peak resident memory.
 *
 *   npm run bench:cli [-- --runs N] [-- --enforce]   (--enforce exits 1 when the target is missed)
 *
 * Target (issue: "a stable health-check contract, a CLI…"): a full diagnosis takes at most half
 * the wall time of `npx @modelcontextprotocol/inspector --cli <url> --method tools/list`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';

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
const work = mkdtempSync(path.join(tmpdir(), 'mcp-doctor-bench-'));

// Every Node process of a run (npx, npm's shell, the tool) appends its CPU time and peak RSS here
// on exit: the cost of a run is its whole process tree, not only the first process.
const usageFile = path.join(work, 'usage.ndjson');
const preload = path.join(work, 'usage.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').appendFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS }) + '\\n'); });\n`,
);

interface Tool {
  name: string;
  command: string;
  args: (url: string) => string[];
  env: Record<string, string>;
  /** Whether the output shows that the run really reached the server and listed its tools. */
  succeeded(stdout: string, code: number | null): boolean;
}

// The Inspector keeps a catalog and OAuth state under $HOME and reads its config there: give it
// an empty home of its own. No update checks, no registry: npx runs the installed devDependency.
const inspectorHome = path.join(work, 'home');
const sandbox: Record<string, string> = {
  HOME: inspectorHome,
  MCP_CATALOG_PATH: path.join(inspectorHome, 'catalog.json'),
  MCP_CLIENT_CONFIG_PATH: path.join(inspectorHome, 'client.json'),
  npm_config_update_notifier: 'false',
  npm_config_offline: 'true',
  npm_config_fund: 'false',
  NO_UPDATE_NOTIFIER: '1',
  // Loopback only, whatever proxy the environment names.
  NO_PROXY: '*',
  no_proxy: '*',
  HTTP_PROXY: '',
  HTTPS_PROXY: '',
  http_proxy: '',
  https_proxy: '',
  // Never a browser, should anything want one (an OAuth prompt): `open` runs $BROWSER.
  BROWSER: 'true',
};

const TOOLS: Tool[] = [
  {
    name: 'mcp-doctor --json',
    command: process.execPath,
    args: (url) => [path.join(root, 'bin/mcp-doctor.mjs'), url, '--json'],
    env: {},
    succeeded: (stdout, code) => code === 0 && JSON.parse(stdout).tools.length === 3,
  },
  {
    name: 'npx inspector --cli tools/list',
    command: 'npx',
    args: (url) => [
      '--no-install',
      '@modelcontextprotocol/inspector',
      '--cli',
      url,
      '--method',
      'tools/list',
      // The documented CI mode: never start an interactive OAuth login (no browser, no callback server).
      '--stored-auth-only',
    ],
    env: sandbox,
    succeeded: (stdout, code) => code === 0 && stdout.includes('"search_recipes"'),
  },
  {
    // The floor: what starting Node alone costs on this machine, for reading the two above.
    name: 'node -e 0 (baseline)',
    command: process.execPath,
    args: () => ['-e', '0'],
    env: {},
    succeeded: (_stdout, code) => code === 0,
  },
];

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

function run(tool: Tool, url: string): Promise<Sample> {
  writeFileSync(usageFile, '');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(tool.command, tool.args(url), {
      cwd: root,
      env: { ...process.env, ...tool.env, NODE_OPTIONS: `--require ${preload}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let ok = false;
      try {
        ok = tool.succeeded(stdout, code);
      } catch {
        ok = false;
      }
      if (!ok)
        return reject(new Error(`${tool.name} failed (exit ${code}): ${stderr.slice(0, 500)}`));
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main(): Promise<number> {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build:cli failed');

  const server = http.createServer(
    getRequestListener((request) => handleMcpRequest(request, healthyServer)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const url = `http://127.0.0.1:${address.port}/mcp`;
  console.log(`healthy sample at ${url}; ${WARMUP} warm-up + ${RUNS} runs each, interleaved\n`);

  const samples = new Map<string, Sample[]>(TOOLS.map((t) => [t.name, []]));
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const tool of TOOLS) {
        const sample = await run(tool, url);
        if (i >= WARMUP) samples.get(tool.name)?.push(sample);
      }
    }
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }

  const rows = TOOLS.map((tool) => {
    const s = samples.get(tool.name) ?? [];
    return {
      name: tool.name,
      wall: median(s.map((x) => x.wallMs)),
      cpu: median(s.map((x) => x.cpuMs)),
      rss: median(s.map((x) => x.peakRssMb)),
    };
  });
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'command'.padEnd(width)}  median wall   median CPU   peak RSS`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(width)}  ${`${r.wall.toFixed(0)} ms`.padStart(11)}  ${`${r.cpu.toFixed(0)} ms`.padStart(11)}  ${`${r.rss.toFixed(0)} MB`.padStart(9)}`,
    );
  }
  const [ours, theirs] = rows;
  if (!ours || !theirs) throw new Error('missing results');
  const ratio = ours.wall / theirs.wall;
  const met = ratio <= TARGET_RATIO;
  console.log(
    `\nratio (wall): ${ratio.toFixed(2)} (CPU: ${(ours.cpu / theirs.cpu).toFixed(2)}); target ≤ ${TARGET_RATIO}: ${met ? 'met' : 'MISSED'}`,
  );
  return met || !values.enforce ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
