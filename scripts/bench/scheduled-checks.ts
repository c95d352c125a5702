// The cost of one scheduled check in a warm process: a monitor's tick claimed, its check run by
// the worker (runHealthCheck through startRun, the run saved to SQLite), the check recorded and
// compared. The clock is a fake one moved a minute per check, so nothing waits for time.
// Usage: node --import tsx scripts/bench/scheduled-checks.ts <url> <warm-up checks> <checks>
// Prints one JSON line on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock, MINUTE, T0, instance, watch } from '@/test/monitors/support';

const [url, warmupArg, checksArg] = process.argv.slice(2);
const warmup = Number(warmupArg);
const checks = Number(checksArg);
if (!url || !Number.isInteger(warmup) || !(checks > 0)) {
  throw new Error('usage: scheduled-checks.ts <url> <warm-up checks> <checks>');
}

export interface ScheduledCheckResult {
  wallMs: number[];
  cpuMs: number[];
  peakRssMb: number;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-doctor-bench-monitors-'));
const clock = new FakeClock(T0);
const one = await instance({ kind: 'sqlite', file: path.join(dir, 'bench.db') }, clock);
try {
  const { monitor } = await watch(one.ctx, { url, everyMinutes: 1 });
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < warmup + checks; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const claimed = await one.service.scheduler.tick();
    await one.service.worker.drain();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (claimed.length !== 1) throw new Error(`tick ${i} claimed ${claimed.length} checks`);
    if (i >= warmup) {
      wallMs.push(wall);
      cpuMs.push((used.user + used.system) / 1000);
    }
    clock.advance(MINUTE);
  }
  const recorded = await one.ctx.store.checks(monitor.id, new Date(0).toISOString());
  if (recorded.length !== warmup + checks || recorded.some((c) => c.outcome !== 'healthy')) {
    throw new Error(
      `expected ${warmup + checks} healthy checks, got ${JSON.stringify(recorded.map((c) => c.outcome))}`,
    );
  }
  const result: ScheduledCheckResult = {
    wallMs,
    cpuMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await one.close();
  rmSync(dir, { recursive: true, force: true });
}
