// `npm run load [-- --url http://127.0.0.1:3000 --pid <server pid>] [--count 50] [--time-limit 120]`:
// a fixed number of `/api/check` diagnoses of the built-in samples, all at once, against a running
// app on loopback (started here on the existing build when no --url is given). Verifies every answer
// (status, report, the sample's expected rows) and prints p50/p95/max latency and the server's peak
// RSS (VmHWM in /proc/<pid>/status). Bounded: a fixed count and a time limit; it stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ReportSchema, type Area, type Report, type RowStatus } from '@/lib/report/schema';
import { summarizeRow } from '@/lib/diagnose/summarize';
import { AREA_TABLE } from '@/lib/report/areas';
import { SAMPLES } from '@/lib/samples/catalog';
import { samplePath, type Sample } from '@/lib/samples/types';
import { median, percentile } from './bench/stats';

const ROOT = new URL('..', import.meta.url).pathname;

/** Samples that answer at once (the slow one waits 3.5 s on purpose) and need no sign-in flow. */
const LOAD_SAMPLES = [
  'healthy',
  'invalid-tools',
  'html-page',
  'wrong-path',
  'widget-apps-sdk',
  'widget-mcp-apps',
  'oauth',
];

/**
 * The limits the app started here runs with: every check of the run admitted at once. Against an
 * app given with --url, its own MCP_DOCTOR_MAX_CONCURRENT / MCP_DOCTOR_RATE_* must admit as many,
 * or the refusals (429) are counted as errors.
 */
const ADMIT_ALL = {
  MCP_DOCTOR_MAX_CONCURRENT: '256',
  MCP_DOCTOR_RATE_PER_MINUTE: '100000',
  MCP_DOCTOR_RATE_BURST: '10000',
};

export interface LoadOptions {
  url?: string;
  pid?: number;
  count: number;
  timeLimitMs: number;
}

export interface LoadResult {
  url: string;
  count: number;
  ok: number;
  errors: string[];
  latencyMs: { p50: number; p95: number; max: number };
  wallMs: number;
  /** The server process's peak resident set size (VmHWM), with its children's; null when unknown. */
  serverPeakRssMb: number | null;
  bySample: Record<string, number>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `next start` on the existing build, on a free loopback port, answering before we go on. */
export async function startApp(): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('no production build in .next: run `npm run build` first, or pass --url');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const db = path.join(await mkdtemp(path.join(os.tmpdir(), 'mcp-doctor-load-')), 'store.db');
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        ...ADMIT_ALL,
        MCP_DOCTOR_ORIGIN: url,
        MCP_DOCTOR_DB: db,
        DATABASE_URL: '',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  const deadline = AbortSignal.timeout(60_000);
  while (!deadline.aborted) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const answered = await fetch(`${url}/login`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (answered) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`next start did not answer on ${url} within 60 s`);
}

/** VmHWM of a process and of every descendant (Next may serve from a child), in MB. */
export async function peakRssMb(pid: number): Promise<number | null> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  let total: number | null = null;
  for (const queue = [pid]; queue.length;) {
    const current = queue.shift() as number;
    const status = await readFile(`/proc/${current}/status`, 'utf8').catch(() => '');
    const kb = Number(status.match(/^VmHWM:\s+(\d+) kB/m)?.[1]);
    if (kb) total = (total ?? 0) + kb / 1024;
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/**
 * Row statuses as a public deployment on an idle machine would show them: without the loopback
 * warning, and without connection.latency, whose verdict is what fifty diagnoses at once change
 * (the latencies are measured here instead).
 */
function rowsUnderLoad(report: Report): Partial<Record<Area, RowStatus>> {
  const checks = report.checks.filter(
    (c) => c.id !== 'connection.public' && c.id !== 'connection.latency',
  );
  return Object.fromEntries(
    AREA_TABLE.map(({ id }) => [id, summarizeRow(id, checks, report).status]),
  );
}

/** One check of one sample, verified; the error says what was wrong. */
async function checkSample(
  base: string,
  sample: Sample,
  signal: AbortSignal,
): Promise<{ ms: number; error: string | null }> {
  const target = `${base}${samplePath(sample)}`;
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/check?url=${encodeURIComponent(target)}`, { signal });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 && response.status !== 503)
      return { ms, error: `${sample.slug}: HTTP ${response.status} ${text.slice(0, 120)}` };
    const parsed = ReportSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { ms, error: `${sample.slug}: the answer is not a report` };
    const report = parsed.data;
    if (report.url !== target) return { ms, error: `${sample.slug}: a report of ${report.url}` };
    if ((response.status === 200) !== report.healthy)
      return { ms, error: `${sample.slug}: HTTP ${response.status} for a ${report.status} report` };
    const rows = rowsUnderLoad(report);
    for (const [area, expected] of Object.entries(sample.expected)) {
      if (rows[area as Area] !== expected)
        return {
          ms,
          error: `${sample.slug}: ${area} row ${rows[area as Area]}, expected ${expected}`,
        };
    }
    return { ms, error: null };
  } catch (error) {
    return {
      ms: performance.now() - started,
      error: `${sample.slug}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const samples = LOAD_SAMPLES.map((slug) => SAMPLES.find((s) => s.slug === slug)).filter(
    (s): s is Sample => Boolean(s),
  );
  const started = options.url ? null : await startApp();
  const base = (options.url ?? started?.url ?? '').replace(/\/+$/, '');
  const pid = options.pid ?? started?.child.pid ?? null;
  try {
    const limit = AbortSignal.timeout(options.timeLimitMs);
    const wallStart = performance.now();
    const picks = Array.from(
      { length: options.count },
      (_, i) => samples[i % samples.length] as Sample,
    );
    const results = await Promise.all(picks.map((sample) => checkSample(base, sample, limit)));
    const wallMs = performance.now() - wallStart;
    const times = results.map((r) => r.ms);
    const bySample: Record<string, number> = {};
    for (const sample of picks) bySample[sample.slug] = (bySample[sample.slug] ?? 0) + 1;
    const errors = results.flatMap((r) => (r.error ? [r.error] : []));
    return {
      url: base,
      count: options.count,
      ok: results.length - errors.length,
      errors,
      latencyMs: { p50: median(times), p95: percentile(times, 95), max: Math.max(...times) },
      wallMs,
      serverPeakRssMb: pid ? await peakRssMb(pid) : null,
      bySample,
    };
  } finally {
    if (started) {
      const exited = new Promise((resolve) => started.child.once('exit', resolve));
      started.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  }
}

export function formatLoad(result: LoadResult): string {
  const fixed = (n: number) => n.toFixed(0);
  return [
    `load: ${result.count} concurrent /api/check diagnoses of ${Object.keys(result.bySample).length} built-in samples against ${result.url}`,
    `  ${result.ok} of ${result.count} verified (status, report, expected rows); ${result.errors.length} errors${result.errors.length ? `:\n    ${result.errors.slice(0, 10).join('\n    ')}` : ''}`,
    `  latency p50 ${fixed(result.latencyMs.p50)} ms, p95 ${fixed(result.latencyMs.p95)} ms, max ${fixed(result.latencyMs.max)} ms; all done in ${fixed(result.wallMs)} ms`,
    `  server peak RSS (VmHWM): ${result.serverPeakRssMb === null ? 'unknown (pass --pid)' : `${result.serverPeakRssMb.toFixed(1)} MB`}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      pid: { type: 'string' },
      count: { type: 'string', default: '50' },
      'time-limit': { type: 'string', default: '120' },
    },
  });
  const count = Number(values.count);
  const timeLimitMs = Number(values['time-limit']) * 1000;
  if (!Number.isInteger(count) || count < 1 || count > 1000 || !(timeLimitMs > 0)) {
    throw new Error(
      'usage: npm run load -- [--url http://127.0.0.1:PORT [--pid PID]] [--count 1..1000] [--time-limit SECONDS]',
    );
  }
  if (values.url && !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(values.url)) {
    throw new Error('--url must be an app on loopback (http://127.0.0.1:PORT)');
  }
  const result = await runLoad({
    url: values.url,
    pid: values.pid ? Number(values.pid) : undefined,
    count,
    timeLimitMs,
  });
  console.log(formatLoad(result));
  await mkdir(path.join(ROOT, '.reports'), { recursive: true });
  await writeFile(
    path.join(ROOT, '.reports', 'load.json'),
    `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log('Written to .reports/load.json');
  process.exitCode = result.errors.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
