import { describe, expect, it } from 'vitest';
import { latencyStats, percentile } from './latency-schema';

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 95, 7],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 95, 4],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
    [Array.from({ length: 20 }, (_, i) => i + 1), 50, 10],
  ])('of %j at p%i is %j', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });
});

describe('latencyStats', () => {
  it('sorts the samples and rounds to a tenth of a millisecond', () => {
    expect(latencyStats('tools/list', [30.04, 10.06, 20], 1)).toEqual({
      method: 'tools/list',
      samples: 3,
      failures: 1,
      p50Ms: 20,
      p95Ms: 30,
      maxMs: 30,
    });
    expect(latencyStats('initialize', [10.06], 0).p50Ms).toBe(10.1);
  });
});
