// One benchmark scenario in a process of its own, so that its peak RSS is the diagnosis's alone.
// Usage: node --import tsx scripts/bench/diagnose-runs.ts <url> <expected tools> <warm-up runs> <runs>
// Prints one JSON line (ScenarioResult) on stdout.
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import { TargetInputSchema, toTarget } from '@/lib/probe/target';
import type { ScenarioResult } from './stats';

const [url, expectedArg, warmupArg, runsArg] = process.argv.slice(2);
const expectedTools = Number(expectedArg);
const warmup = Number(warmupArg);
const runs = Number(runsArg);
if (!url || !Number.isInteger(expectedTools) || !Number.isInteger(warmup) || !(runs > 0)) {
  throw new Error('usage: diagnose-runs.ts <url> <expected tools> <warm-up runs> <runs>');
}
const target = toTarget(TargetInputSchema.parse({ url }));
const mb = (bytes: number) => bytes / (1024 * 1024);

/** One full diagnosis, checked to have really listed the tools: a failed probe would be fast. */
async function once(): Promise<number> {
  const started = performance.now();
  const report = await runHealthCheck(target);
  const elapsed = performance.now() - started;
  const tools = report.steps.find((step) => step.id === 'tools');
  if (tools?.status !== 'ok' || report.tools.length !== expectedTools) {
    throw new Error(
      `diagnosis of ${url} listed ${report.tools.length} tools (step: ${tools?.status ?? 'missing'}), expected ${expectedTools}`,
    );
  }
  return elapsed;
}

const rssAfterLoadMb = mb(process.memoryUsage().rss);
for (let i = 0; i < warmup; i++) await once();
const timesMs: number[] = [];
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
for (let i = 0; i < runs; i++) timesMs.push(await once());
const cpu = process.cpuUsage(cpuBefore);

const result: ScenarioResult = {
  timesMs,
  cpuMsPerDiagnosis: (cpu.user + cpu.system) / 1000 / runs,
  diagnosesPerSecond: runs / ((performance.now() - wallBefore) / 1000),
  rssAfterLoadMb,
  // maxRSS is in kilobytes: the kernel's high-water mark for this process, not a sample.
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
