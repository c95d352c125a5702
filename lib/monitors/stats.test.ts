import { describe, expect, it } from 'vitest';
import { bucketize, uptime, uptimes } from './stats';

const NOW = Date.parse('2026-06-02T12:00:00.000Z');
const HOUR = 3_600_000;
const check = (
  hoursAgo: number,
  outcome: 'healthy' | 'failing' | 'error',
  latencyMs: number | null = 100,
) => ({
  dueAt: new Date(NOW - hoursAgo * HOUR).toISOString(),
  outcome,
  latencyMs,
});

describe('uptime', () => {
  it('counts healthy over the checks that were made, leaving MCP Doctor’s own errors out', () => {
    expect(
      uptime([check(1, 'healthy'), check(2, 'healthy'), check(3, 'failing'), check(4, 'error')]),
    ).toEqual({
      ratio: 2 / 3,
      healthy: 2,
      failing: 1,
      errors: 1,
    });
    expect(uptime([check(1, 'error')]).ratio).toBeNull();
  });

  it('over 24 h, 7 d and 30 d', () => {
    const checks = [
      check(1, 'healthy'),
      check(30, 'failing'),
      check(24 * 10, 'failing'),
      check(24 * 40, 'failing'),
    ];
    const result = uptimes(checks, NOW);
    expect(result['24h'].ratio).toBe(1);
    expect(result['7d'].ratio).toBe(1 / 2);
    expect(result['30d'].ratio).toBe(1 / 3);
  });
});

describe('bucketize', () => {
  it('cuts 24 h into hours with p50 and p95 of each', () => {
    const latencies = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    const checks = latencies.map((ms, i) => ({
      dueAt: new Date(NOW - HOUR + i * 60_000).toISOString(),
      outcome: 'healthy' as const,
      latencyMs: ms,
    }));
    const buckets = bucketize([...checks, check(5.5, 'failing', null)], NOW, '24h');
    expect(buckets).toHaveLength(24);
    const last = buckets.at(-1);
    expect(last).toMatchObject({
      healthy: 20,
      p50Ms: 100,
      p95Ms: 190,
      start: new Date(NOW - HOUR).toISOString(),
    });
    expect(buckets.at(-6)).toMatchObject({ failing: 1, p50Ms: null });
    expect(buckets[0]).toMatchObject({ healthy: 0, failing: 0, ratio: null });
  });
});
