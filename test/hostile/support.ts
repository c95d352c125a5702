import { afterEach, expect } from 'vitest';
import { runHealthCheck } from '@/lib/diagnose/run-health-check';
import type { DialPolicy } from '@/lib/probe/dialer';
import type { Limits } from '@/lib/probe/limits';
import { STEP_IDS } from '@/lib/report/areas';
import { ReportSchema, type Report, type StepId } from '@/lib/report/schema';
import type { Running } from '../fixtures/servers';
import { targetFor } from '../fixtures/target';
import { testResolver } from './servers';

/** The run budget every hostile diagnosis gets; assertions allow the time closing takes on top. */
export const BUDGET_MS = 20_000;

/**
 * Where time is the point (a server that never finishes), the request bound is lowered so the test
 * is quick; elsewhere the real bounds apply, so the byte bound is met before any clock.
 */
export const QUICK: Partial<Limits> = { requestTimeoutMs: 1_500 };

/** Servers started by a test, closed after it whatever happened. */
const running: Running[] = [];
export async function start<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** Private addresses allowed (as for local use), and names resolved only by the test resolver. */
export const localDial = (): DialPolicy => ({ blockPrivate: false, resolve: testResolver });

export interface HostileRun {
  report: Report;
  /** Resident set size growth over the run, in MiB (an upper bound on what the run kept). */
  rssGrowthMiB: number;
}

/**
 * A full diagnosis of a hostile URL, asserting what must hold whatever the server did: the run
 * returns (never throws) within its budget, every step has an outcome, and the report is plain
 * data that survives a JSON round trip and its own schema.
 */
export async function diagnoseHostile(
  url: string,
  options: {
    limits?: Partial<Limits>;
    dial?: DialPolicy;
    token?: string;
    headers?: Record<string, string>;
    /** A longer run budget, for the servers whose point is volume rather than time. */
    budgetMs?: number;
  } = {},
): Promise<HostileRun> {
  const budget = options.budgetMs ?? BUDGET_MS;
  const before = process.memoryUsage().rss;
  const report = await runHealthCheck(
    targetFor(url, { timeoutMs: budget, token: options.token, headers: options.headers }),
    { limits: options.limits, dial: options.dial ?? localDial() },
  );
  const rssGrowthMiB = (process.memoryUsage().rss - before) / (1024 * 1024);
  expect(report.durationMs).toBeLessThan(budget + 5_000);
  expect(report.steps.map((s) => s.id).sort()).toEqual([...STEP_IDS].sort());
  expectPlainData(report);
  return { report, rssGrowthMiB };
}

/**
 * Nothing remote became anything but data: every value is a string, number, boolean or null in
 * plain arrays and objects (no functions, no prototypes a payload chose), the report round-trips
 * through JSON unchanged and still matches the schema, and no payload touched the global prototype.
 */
export function expectPlainData(report: Report): void {
  const stack: unknown[] = [report];
  let seen = 0;
  while (stack.length) {
    const value = stack.pop();
    seen++;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) continue;
    expect(typeof value, 'a report value').toBe('object');
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
      continue;
    }
    expect(Object.getPrototypeOf(value), 'a plain object').toBe(Object.prototype);
    for (const key of Object.keys(value as object))
      stack.push((value as Record<string, unknown>)[key]);
  }
  expect(seen).toBeGreaterThan(10);
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  expect(ReportSchema.safeParse(report).success).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

export function stepError(report: Report, id: StepId): string | undefined {
  return report.steps.find((s) => s.id === id)?.error?.code;
}

/**
 * The failing checks as `id:code`, the loopback findings every fixture here earns left out (not
 * public, not HTTPS, and — for a fixture that answers any Origin and Host — exposed to web pages).
 */
const LOOPBACK_ONLY = new Set([
  'connection.public',
  'connection.https',
  'connection.local-exposure',
]);
export function findings(report: Report): string[] {
  return report.checks
    .filter((c) => c.status === 'fail' && !LOOPBACK_ONLY.has(c.id))
    .map((c) => `${c.id}:${c.code}`);
}

/** Checks the runner had to contain (a throw inside a check): none, whatever the server sent. */
export function crashedChecks(report: Report): string[] {
  return report.checks.filter((c) => c.status === 'error').map((c) => `${c.id}: ${c.message}`);
}
